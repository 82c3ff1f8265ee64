package com.motoroctane.admin.auth;

import static com.mongodb.client.model.Filters.eq;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.motoroctane.admin.config.AdminConfig;
import com.motoroctane.common.catalog.CatalogFields;
import com.motoroctane.common.error.ProblemException;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** The {@code adminusers} collection: accounts, bcrypt hashes, and the per-account login backoff. */
@ApplicationScoped
public class AdminUsers {

    private static final Logger LOG = Logger.getLogger(AdminUsers.class);

    /** What every authenticated request is judged by: the account as it is now, not as the token says. */
    public record Current(String id, String role, boolean active) {
        static final Current MISSING = new Current(null, null, false);
    }

    /** Names are shown in the admin app and the audit log: plain text only. */
    public static final int NAME_MAX_LENGTH = 100;

    private final MongoCollection<Document> users;
    private final Passwords passwords;
    private final AdminConfig config;
    private final StateCache<String, Current> current;

    public AdminUsers(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
                      Passwords passwords, AdminConfig config) {
        this.users = mongo.getDatabase(database).getCollection("adminusers");
        this.passwords = passwords;
        this.config = config;
        this.current = new StateCache<>(config.session().checkTtl());
    }

    /** The first super_admin comes from configuration, once, when there is no account at all. */
    void bootstrap(@Observes StartupEvent start) {
        users.createIndexes(List.of(new IndexModel(Indexes.ascending("email"), new IndexOptions().unique(true)),
                new IndexModel(Indexes.ascending("id"), new IndexOptions().unique(true)), new IndexModel(Indexes.ascending("isActive"))));
        if (users.countDocuments() > 0) {
            return;
        }
        String email = config.bootstrap().email().orElse("");
        String password = config.bootstrap().password().orElse("");
        if (email.isBlank() || password.isBlank()) {
            LOG.warn("No admin account exists and ADMIN_EMAIL/ADMIN_PASSWORD are not set: nobody can log in");
            return;
        }
        create(email, password, "Super admin", Role.SUPER_ADMIN);
        LOG.infof("Created the first super_admin %s from configuration", email);
    }

    public Document byEmail(String email) {
        return email == null ? null : users.find(eq("email", normalise(email))).first();
    }

    public Document byId(String id) {
        return users.find(eq("id", id)).first();
    }

    /** The account's status and role now (cached for at most {@code admin.session.check-ttl}). */
    public Current current(String id) {
        Current found = current.get(id, key -> {
            Document user = users.find(eq("id", key)).projection(new Document("role", 1).append("isActive", 1)).first();
            return user == null ? Current.MISSING
                    : new Current(key, user.getString("role"), Boolean.TRUE.equals(user.getBoolean("isActive")));
        });
        return found == Current.MISSING ? null : found;
    }

    public List<Map<String, Object>> list() {
        List<Map<String, Object>> out = new ArrayList<>();
        users.find().sort(Indexes.ascending("email")).forEach(d -> out.add(view(d)));
        return out;
    }

    public Document create(String email, String password, String name, String role) {
        requireName(name);
        passwords.requireStrong("password", password, email, name);
        if (!Role.valid(role)) {
            throw ProblemException.badParameter("role", "must be one of super_admin, admin, editor");
        }
        String normalised = normalise(email);
        if (normalised.length() > 254 || !normalised.matches("[^@\\s<>\\p{Cntrl}]+@[^@\\s<>\\p{Cntrl}]+\\.[^@\\s<>\\p{Cntrl}]+")) {
            throw ProblemException.badParameter("email", "is not an email address (at most 254 characters, no markup)");
        }
        String base = "admin-" + CatalogFields.slug(normalised.substring(0, normalised.indexOf('@')));
        Date now = new Date();
        for (int n = 0; ; n++) {
            Document doc = new Document("id", n == 0 ? base : base + "-" + n)
                    .append("email", normalised).append("password", passwords.hash(password))
                    .append("name", name).append("role", role).append("isActive", true)
                    .append("lastLogin", null).append("createdAt", now).append("updatedAt", now)
                    .append("failedLogins", 0).append("lockedUntil", null);
            try {
                users.insertOne(doc);
                return doc;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                if (byEmail(normalised) != null) {
                    throw new ProblemException(409, "conflict", "Conflict", "An account with this email exists", "email");
                }
            }
        }
    }

    public void update(String id, Map<String, Object> changes) {
        if (changes.containsKey("name")) {
            requireName((String) changes.get("name"));
        }
        Document set = new Document(changes).append("updatedAt", new Date());
        try {
            if (users.updateOne(eq("id", id), new Document("$set", set)).getMatchedCount() == 0) {
                throw ProblemException.notFound("Admin user", id);
            }
        } finally {
            current.invalidate(id);
        }
    }

    public void setPassword(Document user, String password) {
        passwords.requireStrong("newPassword", password, user.getString("email"), user.getString("name"));
        update(user.getString("id"), Map.of("password", passwords.hash(password)));
    }

    /** 1 to 100 characters of plain text: no markup ({@code <}, {@code >}) and no control characters. */
    public static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw ProblemException.badParameter("name", "is required");
        }
        if (name.length() > NAME_MAX_LENGTH) {
            throw ProblemException.badParameter("name", "must be at most " + NAME_MAX_LENGTH + " characters");
        }
        if (name.chars().anyMatch(c -> c == '<' || c == '>' || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT)) {
            throw ProblemException.badParameter("name", "must be plain text without '<', '>' or control characters");
        }
    }

    /** When a locked account may try again, or null if it may now. */
    public Instant lockedUntil(Document user) {
        Date until = user.getDate("lockedUntil");
        return until == null || until.toInstant().isBefore(Instant.now()) ? null : until.toInstant();
    }

    /** 30 s after the free failures are used up, doubling with every further failure, up to the configured maximum. */
    public void recordFailure(Document user) {
        int failures = user.getInteger("failedLogins", 0) + 1;
        int over = failures - config.login().freeFailures();
        Date lockedUntil = null;
        if (over >= 0) {
            long seconds = Math.min(config.login().maxBackoff().toSeconds(), 30L << Math.min(over, 20));
            lockedUntil = Date.from(Instant.now().plus(Duration.ofSeconds(seconds)));
        }
        users.updateOne(eq("id", user.getString("id")),
                Updates.combine(Updates.set("failedLogins", failures), Updates.set("lockedUntil", lockedUntil)));
    }

    public void recordSuccess(Document user) {
        users.updateOne(eq("id", user.getString("id")), Updates.combine(Updates.set("failedLogins", 0),
                Updates.set("lockedUntil", null), Updates.set("lastLogin", new Date())));
    }

    /** An account as the API shows it: never the hash or the backoff state. */
    public static Map<String, Object> view(Document user) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String f : List.of("id", "email", "name", "role", "isActive", "lastLogin", "createdAt", "updatedAt")) {
            out.put(f, user.get(f));
        }
        return out;
    }

    private static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
