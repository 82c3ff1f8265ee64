package com.motoroctane.gateway.ratelimit;

/** The limit classes of the readiness review; each has its own window and budget in config. */
public enum RateClass {
    PUBLIC("public"),
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
