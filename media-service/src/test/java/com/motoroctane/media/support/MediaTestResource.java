package com.motoroctane.media.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import com.motoroctane.devstack.test.DevstackWithS3TestResource;

/**
 * What media-service's tests run against: the devstack (Mongo-wire stand-in, real Redis, S3Proxy as the
 * bucket, {@code devstack.s3.*} mapped onto {@code media.storage.*} in the test profile), an RSA key pair
 * made for this run standing in for admin-service's signing key (the public half is the verification key,
 * as the JWKS is in production), and a temporary folder of its own for uploads in progress, which the tests
 * check is left empty.
 */
public class MediaTestResource extends DevstackWithS3TestResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        KeyPair keys = rsaKeyPair();
        config.put("test.jwt.private-key", Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
        try {
            // where admin-service's JWKS URL is in production: a PEM file is the other form smallrye-jwt reads
            Path publicKey = Files.createTempFile("media-tests-jwt", ".pem");
            Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            publicKey.toFile().deleteOnExit();
            config.put("mp.jwt.verify.publickey.location", publicKey.toUri().toString());
            config.put("media.temp-dir", Files.createTempDirectory("media-tests").toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return config;
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
