package com.motoroctane.admin.config;

import java.time.Duration;
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
    }

    interface Login {
        /** Failures allowed before the account backs off exponentially. */
        int freeFailures();

        Duration maxBackoff();
    }

    interface Bulk {
        int maxRows();
    }

    interface Events {
        long streamMaxLength();
    }
}
