package com.motoroctane.admin.api;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.motoroctane.admin.catalog.InvalidRows;
import com.motoroctane.common.error.Problem;

/**
 * The 400 problem+json for a batch with invalid rows. Besides the usual members (the detail already lists
 * the first errors) it carries the RFC 9457 extension member {@code errors}: every row error as
 * {@code {index, line?, field?, message}}, so a client can mark each one in its file.
 */
final class RowProblems {

    private RowProblems() {
    }

    static Response of(InvalidRows e, UriInfo uri) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", e.type());
        body.put("title", e.title());
        body.put("status", e.status());
        body.put("detail", e.getMessage());
        body.put("instance", uri.getPath());
        body.put("parameter", e.parameter());
        body.put("errors", e.errors());
        return Response.status(e.status()).type(Problem.MEDIA_TYPE).header("Cache-Control", "no-store").entity(body).build();
    }
}
