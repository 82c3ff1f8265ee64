package com.motoroctane.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.motoroctane.devstack.seed.CatalogGenerator;
import com.motoroctane.devstack.seed.CatalogSeeder;

/**
 * Command line of the embedded devstack, driven by {@code bin/platform}.
 *
 * <pre>
 *   serve [--dir .devstack] [--mongo-port 27018] [--redis-port 6380] [--s3-port 9000] [--no-seed]
 *   seed  [--scale] [--uri mongodb://...] [--database motoroctane]
 * </pre>
 *
 * {@code serve} honours {@code MONGODB_URI}, {@code REDIS_URL} and {@code R2_ENDPOINT}: when set, that
 * component is not started and the external one is used instead. Its S3 API ({@link S3Store}, S3Proxy) stores
 * into {@code <dir>/s3} on 127.0.0.1 with the bucket {@value S3ProxyProcess#BUCKET}, its keys generated into
 * {@code secrets.env} ({@value #S3_ACCESS_KEY}, {@value #S3_SECRET_KEY}).
 */
public final class Devstack {

    private static final String DATABASE = "motoroctane";
    /** The devstack Redis' requirepass, kept in secrets.env; REDIS_URL carries it. */
    static final String REDIS_PASSWORD = "REDIS_PASSWORD";
    /** The devstack S3 API's access key and secret, kept in secrets.env; bin/platform hands them to media-service as R2_*. */
    static final String S3_ACCESS_KEY = "S3_ACCESS_KEY";
    static final String S3_SECRET_KEY = "S3_SECRET_KEY";

    private Devstack() {
    }

    public static void main(String[] argv) throws Exception {
        Deque<String> args = new ArrayDeque<>(List.of(argv));
        String command = args.isEmpty() ? "help" : args.pop();
        Map<String, String> options = options(args);
        switch (command) {
            case "serve" -> serve(options);
            case "seed" -> seed(options);
            default -> {
                System.out.println("usage: devstack serve [--dir D] [--mongo-port P] [--redis-port P] [--s3-port P] [--no-seed]");
                System.out.println("       devstack seed [--scale] [--uri URI] [--database NAME]");
                System.exit("help".equals(command) ? 0 : 2);
            }
        }
    }

    private static void serve(Map<String, String> options) throws Exception {
        Path dir = Path.of(options.getOrDefault("dir", ".devstack"));
        DevFiles.prepare(dir);
        Map<String, String> secrets = generateSecrets(dir);
        Map<String, String> env = new LinkedHashMap<>();
        MongoStandIn mongo = null;
        String mongoUri = System.getenv("MONGODB_URI");
        if (mongoUri == null || mongoUri.isBlank()) {
            int port = Integer.parseInt(options.getOrDefault("mongo-port", "27018"));
            mongo = MongoStandIn.persistent(dir.resolve("mongo.h2"), "127.0.0.1", port);
            mongoUri = mongo.connectionString();
            System.out.println("devstack: Mongo-wire stand-in (H2 file " + dir.resolve("mongo.h2") + ") on " + mongoUri);
        } else {
            System.out.println("devstack: using external MongoDB from MONGODB_URI");
        }
        env.put("MONGODB_URI", mongoUri);

        RedisProcess redis = null;
        String redisUrl = System.getenv("REDIS_URL");
        if (redisUrl == null || redisUrl.isBlank()) {
            int port = Integer.parseInt(options.getOrDefault("redis-port", "6380"));
            redis = new RedisProcess(port, dir.resolve("redis"), secrets.get(REDIS_PASSWORD)).start();
            redisUrl = redis.url();
            System.out.println("devstack: started " + redis.binary() + " on 127.0.0.1:" + port
                    + " (password in " + dir.resolve("secrets.env") + ")");
        } else {
            System.out.println("devstack: using external Redis from REDIS_URL");
        }
        env.put("REDIS_URL", redisUrl);

        S3Store s3 = null;
        String s3Endpoint = System.getenv("R2_ENDPOINT");
        if (s3Endpoint == null || s3Endpoint.isBlank()) {
            int port = Integer.parseInt(options.getOrDefault("s3-port", "9000"));
            s3 = S3Store.start(dir.resolve("s3"), "127.0.0.1", port, secrets.get(S3_ACCESS_KEY), secrets.get(S3_SECRET_KEY),
                    S3ProxyProcess.BUCKET);
            s3Endpoint = s3.endpoint();
            env.put("S3_ENDPOINT", s3Endpoint);
            env.put("S3_BUCKET", S3ProxyProcess.BUCKET);
            System.out.println("devstack: S3Proxy (folder " + dir.resolve("s3") + ") on " + s3Endpoint + ", bucket "
                    + S3ProxyProcess.BUCKET + " (keys in " + dir.resolve("secrets.env") + ")");
        } else {
            System.out.println("devstack: using external S3 from R2_ENDPOINT");
        }

        if (!options.containsKey("no-seed")) {
            try (MongoClient client = MongoClients.create(mongoUri)) {
                MongoDatabase db = client.getDatabase(options.getOrDefault("database", DATABASE));
                if (db.getCollection("variants").estimatedDocumentCount() == 0) {
                    System.out.println("devstack: empty catalogue, seeding demo data");
                    new CatalogSeeder(db, Devstack::progress).seed(CatalogGenerator.standard());
                } else {
                    System.out.println("devstack: catalogue already present, not seeding");
                }
            }
        }
        generateAdminSecrets(dir);
        // REDIS_URL carries the Redis password, so this file is as secret as the others
        DevFiles.writeEnv(dir.resolve("devstack.env"), env);
        System.out.println("devstack: ready; connection settings in " + dir.resolve("devstack.env"));

        CountDownLatch stopped = new CountDownLatch(1);
        MongoStandIn mongoToClose = mongo;
        RedisProcess redisToClose = redis;
        S3Store s3ToClose = s3;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (s3ToClose != null) {
                s3ToClose.close();
            }
            if (redisToClose != null) {
                redisToClose.stop();
            }
            if (mongoToClose != null) {
                mongoToClose.close();
            }
            stopped.countDown();
        }));
        stopped.await();
    }

    private static void seed(Map<String, String> options) {
        String uri = options.getOrDefault("uri", System.getenv().getOrDefault("MONGODB_URI", "mongodb://127.0.0.1:27018"));
        CatalogGenerator generator = options.containsKey("scale") ? CatalogGenerator.scale() : CatalogGenerator.standard();
        try (MongoClient client = MongoClients.create(uri)) {
            new CatalogSeeder(client.getDatabase(options.getOrDefault("database", DATABASE)), Devstack::progress)
                    .seed(generator);
        }
    }

    /**
     * Dev-only secrets are generated on first run (a secret added by a later version is generated on the
     * next run), kept in the git-ignored devstack folder with mode 0600 and printed once; nothing secret
     * is ever committed.
     */
    static Map<String, String> generateSecrets(Path dir) throws IOException {
        Path file = dir.resolve("secrets.env");
        Map<String, String> values = DevFiles.readEnv(file);
        Map<String, String> generated = new LinkedHashMap<>();
        if (!values.containsKey("CATALOG_CURSOR_SECRET")) {
            byte[] cursorKey = new byte[32];
            new SecureRandom().nextBytes(cursorKey);
            generated.put("CATALOG_CURSOR_SECRET", Base64.getUrlEncoder().withoutPadding().encodeToString(cursorKey));
        }
        if (!RedisProcess.usablePassword(values.get(REDIS_PASSWORD))) {
            // one generated before 2026-12-07 could start with '-', which redis-server reads as an option: a new one
            generated.put(REDIS_PASSWORD, RedisProcess.generatePassword());
        }
        if (!values.containsKey(S3_ACCESS_KEY) || !values.containsKey(S3_SECRET_KEY)) {
            generated.put(S3_ACCESS_KEY, S3ProxyProcess.generateAccessKey());
            generated.put(S3_SECRET_KEY, RedisProcess.generatePassword());
        }
        if (!generated.isEmpty()) {
            values.putAll(generated);
            DevFiles.writeEnv(file, values);
            System.out.println("devstack: generated dev secrets into " + file + " (shown once):");
            generated.forEach((k, v) -> System.out.println("  " + k + "=" + v));
        }
        return values;
    }

    /**
     * The first admin account and the RS256 key pair admin-service signs tokens with: generated on first
     * run into the git-ignored devstack folder, the password printed once, the private key never printed.
     */
    private static void generateAdminSecrets(Path dir) throws Exception {
        Path privateKey = dir.resolve("admin-jwt-private.pem");
        Path publicKey = dir.resolve("admin-jwt-public.pem");
        if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            java.security.KeyPair pair = generator.generateKeyPair();
            writePem(privateKey, "PRIVATE KEY", pair.getPrivate().getEncoded());
            writePem(publicKey, "PUBLIC KEY", pair.getPublic().getEncoded());
            System.out.println("devstack: generated the admin token signing key pair into " + privateKey + " / " + publicKey);
        }
        Path admin = dir.resolve("admin.env");
        if (Files.exists(admin)) {
            return;
        }
        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[18];
        random.nextBytes(secret);
        // base64url has upper, lower and digits with near certainty; the suffix guarantees the policy's classes
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "aA1!";
        Map<String, String> values = new LinkedHashMap<>();
        values.put("ADMIN_EMAIL", "admin@motoroctane.local");
        values.put("ADMIN_PASSWORD", password);
        DevFiles.writeEnv(admin, values);
        System.out.println("devstack: generated the first super_admin into " + admin + " (shown once):");
        values.forEach((k, v) -> System.out.println("  " + k + "=" + v));
    }

    private static void writePem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(der);
        DevFiles.writeSecret(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }

    private static void progress(String line) {
        System.out.println("devstack: " + line);
    }

    private static Map<String, String> options(Deque<String> args) {
        Map<String, String> options = new LinkedHashMap<>();
        while (!args.isEmpty()) {
            String arg = args.pop();
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            if (!args.isEmpty() && !args.peek().startsWith("--")) {
                options.put(name, args.pop());
            } else {
                options.put(name, "true");
            }
        }
        return options;
    }
}
