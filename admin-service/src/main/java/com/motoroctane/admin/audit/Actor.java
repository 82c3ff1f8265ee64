package com.motoroctane.admin.audit;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who made a write, as the verified access token names them. */
public record Actor(String id, String email, String role) {

    public static Actor of(JsonWebToken jwt) {
        Object role = jwt.getClaim("role");
        return new Actor(jwt.getSubject(), jwt.getClaim("email") == null ? null : jwt.getClaim("email").toString(),
                role == null ? null : role.toString());
    }
}
