package com.motoroctane.admin.auth;

import static com.mongodb.client.model.Filters.eq;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.motoroctane.admin.config.AdminConfig;
import com.motoroctane.common.error.ProblemException;

import io.quarkus.runtime.StartupEvent;

/**
 * Failed logins per client IP, in MongoDB so every replica counts together and a caller who reaches this
 * service around the gateway meets the same limit. Each IP keeps the times of its last N failures (a
 * sliding log, N = {@code admin.login.ip-failures}); with N failures inside the window the IP is refused
 * until the oldest leaves it. A TTL index removes IPs that have been quiet for a window.
 */
@ApplicationScoped
public class LoginThrottle {

    private final MongoCollection<Document> throttle;
    private final int limit;
    private final Duration window;

    public LoginThrottle(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
                         AdminConfig config) {
        this.throttle = mongo.getDatabase(database).getCollection("loginthrottle");
        this.limit = config.login().ipFailures();
        this.window = config.login().ipWindow();
    }

    void indexes(@Observes StartupEvent start) {
        throttle.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    /** Refuses with 429 and Retry-After while {@code ip} has used up its failures. */
    public void check(String ip) {
        Document entry = throttle.find(eq("_id", ip)).first();
        if (entry == null) {
            return;
        }
        List<Date> failures = entry.getList("failures", Date.class, List.of());
        if (failures.size() < limit) {
            return;
        }
        Instant oldest = failures.get(failures.size() - limit).toInstant();
        Instant free = oldest.plus(window);
        Instant now = Instant.now();
        if (free.isAfter(now)) {
            long seconds = Math.max(1, Duration.between(now, free).toSeconds() + 1);
            throw new ProblemException(429, "too-many-login-failures", "Too many failed logins",
                    "Too many failed logins from this address; try again in " + seconds + " s", null)
                    .retryAfter(seconds);
        }
    }

    public void recordFailure(String ip) {
        Instant now = Instant.now();
        throttle.updateOne(eq("_id", ip), Updates.combine(
                        Updates.pushEach("failures", List.of(Date.from(now)), new PushOptions().slice(-limit)),
                        Updates.set("expiresAt", Date.from(now.plus(window)))),
                new UpdateOptions().upsert(true));
    }
}
