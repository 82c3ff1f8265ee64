package com.motoroctane.admin.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import com.motoroctane.admin.config.AdminConfig;
import com.motoroctane.common.error.ProblemException;

import at.favre.lib.crypto.bcrypt.BCrypt;

/** bcrypt hashing and the password policy (at least as strict as the previous system's). */
@ApplicationScoped
public class Passwords {

    private final int cost;
    /** Compared against when the account does not exist, so unknown emails cost the same time. */
    private final String decoyHash;

    public Passwords(AdminConfig config) {
        this.cost = config.password().bcryptCost();
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.decoyHash = hash(Base64.getEncoder().encodeToString(random));
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        if (password == null || hash == null) {
            return false;
        }
        return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** Spends one bcrypt verification for nothing. */
    public void decoy(String password) {
        matches(password == null ? "" : password, decoyHash);
    }

    /** 8–72 characters (bcrypt ignores the rest), upper, lower, digit and symbol. */
    public static void requireStrong(String field, String password) {
        if (password == null || password.length() < 8 || password.getBytes(StandardCharsets.UTF_8).length > 72
                || !password.chars().anyMatch(Character::isUpperCase)
                || !password.chars().anyMatch(Character::isLowerCase)
                || !password.chars().anyMatch(Character::isDigit)
                || password.chars().allMatch(Character::isLetterOrDigit)) {
            throw ProblemException.badParameter(field,
                    "must be 8 to 72 bytes with an upper-case letter, a lower-case letter, a digit and a symbol");
        }
    }
}
