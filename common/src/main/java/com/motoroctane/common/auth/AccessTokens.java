package com.motoroctane.common.auth;

/**
 * Where an access token is read from, the same at the gateway and at admin-service: the
 * {@code Authorization: Bearer} header first, then the {@value #COOKIE} cookie. An explicit header wins
 * over an ambient cookie, so a client that sends both is judged by what it chose to send, and the
 * gateway's pre-check and admin-service's own check can never look at two different tokens.
 */
public final class AccessTokens {

    /** The httpOnly cookie admin-service sets on login and the browser app sends back. */
    public static final String COOKIE = "token";

    private static final String BEARER = "Bearer ";

    private AccessTokens() {
    }

    /**
     * The token a request presents, or {@code null} if it presents none. A header that is not a
     * non-empty Bearer credential counts as absent, so the cookie is used.
     *
     * @param authorization the {@code Authorization} header, or {@code null}
     * @param cookie        the value of the {@value #COOKIE} cookie, or {@code null}
     */
    public static String pick(String authorization, String cookie) {
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = authorization.substring(BEARER.length()).trim();
            if (!token.isEmpty()) {
                return token;
            }
        }
        if (cookie != null && !cookie.isBlank()) {
            return cookie.trim();
        }
        return null;
    }
}
