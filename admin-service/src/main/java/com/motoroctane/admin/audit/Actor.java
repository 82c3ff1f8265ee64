package com.motoroctane.admin.audit;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who made a write: the verified token names the account, and the role is the one the request was
 * authorised with, i.e. the account's current role (see {@code CurrentAccountAugmentor}), so the audit log
 * never records a role the account no longer had.
 */
public record Actor(String id, String email, String role) {

    public static Actor of(SecurityIdentity identity) {
        JsonWebToken jwt = (JsonWebToken) identity.getPrincipal();
        Object email = jwt.getClaim("email");
        String role = identity.getRoles().stream().findFirst().orElse(null);
        return new Actor(jwt.getSubject(), email == null ? null : email.toString(), role);
    }
}
