package com.motoroctane.admin.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import com.motoroctane.admin.config.AdminConfig;
import com.motoroctane.common.error.ProblemException;
import com.nulabinc.zxcvbn.Zxcvbn;

import at.favre.lib.crypto.bcrypt.BCrypt;

/**
 * bcrypt hashing and the password policy: the previous system's composition rules, bcrypt's 72-byte
 * limit stated rather than hit, and, as NIST SP 800-63B asks, no common or breached password and none
 * built from the account's own email or name (zxcvbn4j's dictionaries and guess estimate).
 */
@ApplicationScoped
public class Passwords {

    /** bcrypt reads at most this many bytes (UTF-8); longer input makes the library throw. */
    public static final int MAX_BYTES = 72;

    /** Words that say nothing secret about an account here, so a password built on them is weak. */
    private static final List<String> SERVICE_WORDS = List.of("motoroctane", "motor", "octane", "admin");

    private final int cost;
    private final int minStrength;
    /**
     * Both are made off the startup path (a cost-12 bcrypt hash and zxcvbn's dictionaries take a cold JVM
     * about a second), on a thread of their own while the service starts; the first use waits for them.
     */
    private final CompletableFuture<Zxcvbn> zxcvbn;
    /** Compared against when the account does not exist, so unknown emails cost the same time. */
    private final CompletableFuture<String> decoyHash;

    public Passwords(AdminConfig config) {
        this.cost = config.password().bcryptCost();
        this.minStrength = config.password().minStrength();
        this.decoyHash = new CompletableFuture<>();
        this.zxcvbn = new CompletableFuture<>();
        Thread prepare = new Thread(() -> {
            try {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                decoyHash.complete(hash(Base64.getEncoder().encodeToString(random)));
            } catch (RuntimeException | Error e) {
                decoyHash.completeExceptionally(e);
            }
            try {
                zxcvbn.complete(new Zxcvbn());
            } catch (RuntimeException | Error e) {
                zxcvbn.completeExceptionally(e);
            }
        }, "passwords-prepare");
        prepare.setDaemon(true);
        prepare.start();
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    /** False for anything bcrypt cannot have hashed, so no input reaches the library's exception. */
    public boolean matches(String password, String hash) {
        if (password == null || hash == null || tooLong(password)) {
            return false;
        }
        return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** Spends one bcrypt verification for nothing. */
    public void decoy(String password) {
        matches(password == null || tooLong(password) ? "" : password, decoyHash.join());
    }

    /**
     * Refuses input over bcrypt's limit with a 400 that states it. It looks at the input alone, so on
     * login it says nothing about whether the account exists.
     */
    public static void requireWithinLimit(String field, String password) {
        if (password != null && tooLong(password)) {
            throw ProblemException.badParameter(field, "must be at most " + MAX_BYTES
                    + " bytes in UTF-8 (the bcrypt limit); this one is " + bytes(password));
        }
    }

    /**
     * A new password: 8+ characters and at most 72 bytes, upper, lower, digit and symbol; not a common or
     * easily guessed password; not containing the account's email local part or name.
     *
     * @param context the account's email and name (either may be null)
     */
    public void requireStrong(String field, String password, String... context) {
        requireWithinLimit(field, password);
        if (password == null || password.length() < 8
                || !password.chars().anyMatch(Character::isUpperCase)
                || !password.chars().anyMatch(Character::isLowerCase)
                || !password.chars().anyMatch(Character::isDigit)
                || password.chars().allMatch(Character::isLetterOrDigit)) {
            throw ProblemException.badParameter(field,
                    "must be 8 to 72 bytes with an upper-case letter, a lower-case letter, a digit and a symbol");
        }
        List<String> words = contextWords(context);
        String lower = password.toLowerCase(Locale.ROOT);
        if (words.stream().anyMatch(lower::contains)) {
            throw ProblemException.badParameter(field, "must not contain the account's email name or name");
        }
        List<String> inputs = new ArrayList<>(words);
        inputs.addAll(SERVICE_WORDS);
        if (zxcvbn.join().measure(password, inputs).getScore() < minStrength) {
            throw ProblemException.badParameter(field, "is too common or too easy to guess (a well-known password,"
                    + " a dictionary word with small changes, or a keyboard or date pattern); choose a longer, unusual one");
        }
    }

    /** The email's local part and every name or local-part word long enough to matter, lower-cased. */
    static List<String> contextWords(String... context) {
        List<String> words = new ArrayList<>();
        for (String value : context) {
            if (value == null || value.isBlank()) {
                continue;
            }
            String text = value.toLowerCase(Locale.ROOT).trim();
            int at = text.indexOf('@');
            if (at > 0) {
                text = text.substring(0, at);
                if (text.length() >= 3) {
                    words.add(text);
                }
            }
            for (String word : text.split("[^\\p{L}\\p{N}]+")) {
                if (word.length() >= 3 && !words.contains(word)) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    private static boolean tooLong(String password) {
        return bytes(password) > MAX_BYTES;
    }

    private static int bytes(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length;
    }
}
