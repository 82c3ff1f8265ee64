package com.motoroctane.admin.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.motoroctane.common.auth.AccessTokens;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * smallrye-jwt reads only the {@code Authorization} header; this filter applies the platform's one rule
 * ({@link AccessTokens#pick}: a Bearer header first, then the {@code token} cookie) by supplying the
 * cookie as that header when there is no Bearer header. The gateway uses the same rule, so both always
 * judge the same token, and an explicit header is never overridden by an ambient cookie.
 */
@ApplicationScoped
public class AccessTokenFromCookie {

    /** Before the routes that authenticate or serve a request, after only the body and header bookkeeping. */
    private static final int ORDER = -100;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::pick);
    }

    void pick(RoutingContext context) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        Cookie cookie = context.request().getCookie(AccessTokens.COOKIE);
        String token = AccessTokens.pick(authorization, cookie == null ? null : cookie.getValue());
        if (token != null) {
            context.request().headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        context.next();
    }
}
