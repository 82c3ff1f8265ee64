package com.motoroctane.admin.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A fresh RS256 key pair per test run (nothing committed) and the first super_admin's credentials. */
public class AdminTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String EMAIL = "root@motoroctane.test";
    /** Not built on the email's "root": the policy refuses passwords that contain the account's own name. */
    public static final String PASSWORD = "Gearbox-Ratio-7!";

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path dir = Files.createTempDirectory("admin-keys");
            Path privateKey = pem(dir.resolve("private.pem"), "PRIVATE KEY", pair.getPrivate().getEncoded());
            Path publicKey = pem(dir.resolve("public.pem"), "PUBLIC KEY", pair.getPublic().getEncoded());
            return Map.of("smallrye.jwt.sign.key.location", privateKey.toString(),
                    "mp.jwt.verify.publickey.location", publicKey.toString(),
                    "admin.bootstrap.email", EMAIL, "admin.bootstrap.password", PASSWORD);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path pem(Path file, String type, byte[] der) throws java.io.IOException {
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END " + type + "-----\n");
        return file;
    }

    @Override
    public void stop() {
    }
}
