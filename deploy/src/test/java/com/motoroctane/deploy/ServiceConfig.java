package com.motoroctane.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a service's src/main/resources/application.properties says, as the manifests must honour it. */
record ServiceConfig(String service, Properties properties) {

    static final List<String> SERVICES = List.of("gateway", "catalog-service", "compare-service", "admin-service",
            "media-service");

    /** {@code ${NAME}} or {@code ${NAME:default}} with an upper-case name: an environment variable. */
    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");

    static ServiceConfig of(String service) {
        Path file = Kustomize.repositoryRoot().resolve(service).resolve("src/main/resources/application.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServiceConfig(service, properties);
    }

    /**
     * Environment variables the service reads in production: placeholders in keys without a profile or with
     * %prod (the %dev, %test and %bench profiles never run in a cluster).
     */
    Set<String> environmentVariables() {
        Set<String> names = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%") && !key.startsWith("%prod.")) {
                continue;
            }
            Matcher m = ENV_PLACEHOLDER.matcher(properties.getProperty(key));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    boolean usesMongoDb() {
        return properties.containsKey("quarkus.mongodb.connection-string");
    }

    boolean usesRedis() {
        return properties.containsKey("quarkus.redis.hosts");
    }

    /** quarkus.shutdown.timeout (a plain value such as 20s), or null. */
    Duration shutdownTimeout() {
        String value = properties.getProperty("quarkus.shutdown.timeout");
        return value == null ? null : Duration.parse("PT" + value.trim().toUpperCase());
    }

    /** The management interface's port when it is on (the gateway), else -1: probes and metrics are there. */
    int managementPort() {
        if (!"true".equals(properties.getProperty("quarkus.management.enabled"))) {
            return -1;
        }
        Matcher m = Pattern.compile("\\$\\{[A-Z_]+:(\\d+)}|^(\\d+)$").matcher(properties.getProperty("quarkus.management.port", "9000"));
        return m.find() ? Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)) : 9000;
    }
}
