package com.motoroctane.gateway.ratelimit;

/** The limit classes of the readiness review; each has its own window and budget in config. */
public enum RateClass {
    PUBLIC("public"),
    /** Image reads ({@code /uploads}): a page shows dozens, so they have their own, larger budget. */
    MEDIA("media"),
    MODIFY("modify"),
    BULK("bulk"),
    AUTH("auth");

    private final String key;

    RateClass(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
