package com.motoroctane.compare.client;

/**
 * catalog-service refused a request with a 4xx other than 404. Our own validation should make this
 * impossible; it is neither retried nor counted as catalog-service being down.
 */
public class CatalogRejectedException extends RuntimeException {

    private final int status;

    public CatalogRejectedException(int status, String what) {
        super("catalog-service answered " + status + " to " + what, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
