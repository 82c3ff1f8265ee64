package com.motoroctane.common.cache;

/**
 * Cache-key and surrogate-key naming every service agrees on. Each service owns one key prefix in
 * Redis; surrogate keys name catalogue entities so a CDN, and every service, can drop what an entity
 * change affects.
 */
public final class CacheKeys {

    public static final String CATALOG_PREFIX = "catalog:";

    private CacheKeys() {
    }

    public static String brand(String id) {
        return "brand:" + id;
    }

    public static String model(String id) {
        return "model:" + id;
    }

    public static String variant(String id) {
        return "variant:" + id;
    }
}
