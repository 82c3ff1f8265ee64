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

    Batch batch();

    Outbox outbox();

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

        /** the zxcvbn score (0-4) a new password needs. */
        int minStrength();
    }

    interface Login {
        /** Failures allowed before the account backs off exponentially. */
        int freeFailures();

        Duration maxBackoff();

        /** failed logins allowed per client IP within {@link #ipWindow()}, across replicas. */
        int ipFailures();

        Duration ipWindow();
    }

    interface Bulk {
        int maxRows();
    }

    interface Events {
        long streamMaxLength();
    }

    /** All-or-nothing batches (bulk, import, whole-list replace) and their rollback journal. */
    interface Batch {
        /** A batch whose heartbeat is older than this is taken as abandoned (its process died) and undone. */
        Duration staleAfter();

        /** How often abandoned batches are looked for (also once at start). */
        Duration recoveryEvery();
    }

    /** The transactional outbox: every event is written before its change and relayed if it is left behind. */
    interface Outbox {
        /** How long a staged event may wait for its writer before the relay sends it. */
        Duration grace();

        /** How often the relay looks for events to send. */
        Duration relayEvery();
    }
}
