package com.motoroctane.compare.client;

/** catalog-service could not be reached, timed out, answered 5xx, or its circuit breaker is open. */
public class CatalogUnavailableException extends RuntimeException {

    public CatalogUnavailableException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
