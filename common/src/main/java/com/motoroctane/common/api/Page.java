package com.motoroctane.common.api;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The envelope of every list the platform returns. {@code next} is an opaque keyset cursor for the
 * page after this one, or {@code null} on the last page.
 */
// written with an ObjectMapper into cached bytes, not returned by a REST method: registered for native
@RegisterForReflection(targets = {Page.class, Page.Pagination.class})
public record Page<T>(List<T> data, Pagination pagination) {

    public record Pagination(int page, int limit, long total, long pages, String next) {

        public static Pagination of(int page, int limit, long total, String next) {
            long pages = limit == 0 ? 0 : (total + limit - 1) / limit;
            return new Pagination(page, limit, total, pages, next);
        }
    }
}
