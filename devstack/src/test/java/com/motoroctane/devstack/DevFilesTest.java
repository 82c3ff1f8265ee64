package com.motoroctane.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The devstack folder's secrets are readable by their owner only, and generated once. */
class DevFilesTest {

    @TempDir
    Path root;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void envFilesAreCreatedOwnerOnly() throws Exception {
        Path dir = root.resolve(".devstack");
        DevFiles.prepare(dir);
        Map<String, String> secrets = Devstack.generateSecrets(dir);
        DevFiles.writeEnv(dir.resolve("devstack.env"), Map.of("REDIS_URL", "redis://:x@127.0.0.1:6380"));
        assertEquals("rwx------", mode(dir));
        assertEquals("rw-------", mode(dir.resolve("secrets.env")));
        assertEquals("rw-------", mode(dir.resolve("devstack.env")));
        assertTrue(secrets.get("REDIS_PASSWORD").length() >= 32, "the Redis password is a generated dev secret");
        assertTrue(secrets.containsKey("CATALOG_CURSOR_SECRET"));
        assertTrue(secrets.get("S3_ACCESS_KEY").matches("[A-Z0-9]{20}"), "the S3 API's access key");
        assertTrue(secrets.get("S3_SECRET_KEY").length() >= 32, "and its secret are generated dev secrets");
    }

    @Test
    void filesLeftReadableByAnEarlierVersionAreTightened() throws Exception {
        Path dir = Files.createDirectories(root.resolve(".devstack"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path old = Files.writeString(dir.resolve("admin.env"), "ADMIN_PASSWORD=x\n");
        Path key = Files.writeString(dir.resolve("admin-jwt-private.pem"), "key");
        Path secrets = Files.writeString(dir.resolve("secrets.env"), "CATALOG_CURSOR_SECRET=abc\n");
        for (Path p : new Path[] {old, key, secrets}) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        }
        DevFiles.prepare(dir);
        Map<String, String> values = Devstack.generateSecrets(dir);
        assertEquals("rwx------", mode(dir));
        assertEquals("rw-------", mode(old));
        assertEquals("rw-------", mode(key));
        assertEquals("rw-------", mode(secrets));
        assertEquals("abc", values.get("CATALOG_CURSOR_SECRET"), "an existing secret is kept");
        assertTrue(values.containsKey("REDIS_PASSWORD"), "a secret added later is generated on the next run");
        assertTrue(values.containsKey("S3_ACCESS_KEY") && values.containsKey("S3_SECRET_KEY"), "the S3 keys too");
    }

    /** A Redis password an earlier version generated with a leading dash (redis-server reads it as an option) is replaced. */
    @Test
    void aRedisPasswordStartingWithADashIsReplaced() throws Exception {
        Path dir = root.resolve(".devstack");
        DevFiles.prepare(dir);
        Files.writeString(dir.resolve("secrets.env"), "CATALOG_CURSOR_SECRET=abc\nREDIS_PASSWORD=--x1\n");
        Map<String, String> values = Devstack.generateSecrets(dir);
        assertTrue(!values.get("REDIS_PASSWORD").startsWith("-") && !values.get("REDIS_PASSWORD").isEmpty(), values.get("REDIS_PASSWORD"));
        assertEquals("abc", values.get("CATALOG_CURSOR_SECRET"));
        assertEquals(values, DevFiles.readEnv(dir.resolve("secrets.env")), "kept for the next run");
    }

    @Test
    void secretsAreGeneratedOnceAndKept() throws Exception {
        Path dir = root.resolve(".devstack");
        DevFiles.prepare(dir);
        Map<String, String> first = Devstack.generateSecrets(dir);
        assertEquals(first, Devstack.generateSecrets(dir));
        assertEquals(first, DevFiles.readEnv(dir.resolve("secrets.env")));
    }
}
