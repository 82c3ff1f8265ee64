package com.motoroctane.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * RFC 9457 problem details. {@code parameter} names the request parameter or field at fault, so a
 * client can point at it without parsing {@code detail}.
 */
// also written by hand (route handlers, the gateway's edge): registered for native
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      String parameter, String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://motoroctane.com/problems/";
}
