package com.motoroctane.admin.auth;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * A valid signature proves only what the account was when the token was issued. Every authenticated
 * request is therefore judged by the account as it is now: it must exist and be active, the token's
 * session ({@code sid}) must not have been logged out or revoked, and the roles are the account's current
 * role, never the token's {@code groups} claim. So deactivation, demotion, logout and revocation take
 * effect within {@code admin.session.check-ttl}, not when the token expires.
 */
@ApplicationScoped
public class CurrentAccountAugmentor implements SecurityIdentityAugmentor {

    /** Attribute of the failure naming why a well-signed token no longer counts, for the 401's detail. */
    public static final String REFUSED = "motoroctane.refused";

    private final AdminUsers users;
    private final Tokens tokens;

    public CurrentAccountAugmentor(AdminUsers users, Tokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> judge(identity, jwt));
    }

    private SecurityIdentity judge(SecurityIdentity identity, JsonWebToken jwt) {
        AdminUsers.Current account = users.current(jwt.getSubject());
        if (account == null || !account.active()) {
            throw refused("The account is disabled or no longer exists");
        }
        Object sid = jwt.getClaim("sid");
        if (sid == null || !tokens.sessionLive(account.id(), sid.toString())) {
            throw refused("The session has ended: it was logged out or revoked");
        }
        QuarkusSecurityIdentity.Builder current = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .setAnonymous(false);
        if (Role.valid(account.role())) {
            current.addRole(account.role());
        }
        return current.build();
    }

    private static AuthenticationFailedException refused(String reason) {
        return new AuthenticationFailedException(reason, java.util.Map.of(REFUSED, reason));
    }
}
