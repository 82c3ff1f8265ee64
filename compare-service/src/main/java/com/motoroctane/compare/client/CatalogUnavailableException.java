package com.motoroctane.compare.client;

/**
 * catalog-service could not be reached, timed out, answered 5xx, or its circuit breaker is open. The cache
 * loaders turn it into the response cache's {@code OriginUnavailableException} ({@code api/Serving}), so a
 * stale entry or a 503 with Retry-After answers.
 */
public class CatalogUnavailableException extends RuntimeException {

    public CatalogUnavailableException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
