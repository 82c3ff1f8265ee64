package com.motoroctane.admin.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "admin")
public interface AdminConfig {

    Jwt jwt();

    Bootstrap bootstrap();

    Password password();

    Login login();

    Bulk bulk();

    Events events();

    // ---------------------------------------------------------------- hard-auth (issue 7)

    Session session();

    ClientIp clientIp();

    interface Session {
        /** How long a replica may reuse what it read about an account or session (revocation delay), at most 5 s. */
        Duration checkTtl();
    }

    interface ClientIp {
        /** Peers (IPs or CIDRs) whose X-Forwarded-For is believed; {@code none} believes no one. */
        List<String> trustedProxies();
    }

    // ---------------------------------------------------------------- end hard-auth

    interface Jwt {
        String issuer();

        String audience();

        Duration accessTtl();

        Duration refreshTtl();

        String keyId();

        boolean cookieSecure();

        String cookieSameSite();
    }

    interface Bootstrap {
        Optional<String> email();

        Optional<String> password();
    }

    interface Password {
        int bcryptCost();

        /** hard-auth: the zxcvbn score (0-4) a new password needs. */
        int minStrength();
    }

    interface Login {
        /** Failures allowed before the account backs off exponentially. */
        int freeFailures();

        Duration maxBackoff();

        /** hard-auth: failed logins allowed per client IP within {@link #ipWindow()}, across replicas. */
        int ipFailures();

        Duration ipWindow();
    }

    interface Bulk {
        int maxRows();
    }

    interface Events {
        long streamMaxLength();
    }
}
