package com.motoroctane.admin.auth;

/** The three admin roles; a token's {@code groups} claim holds exactly one of them. */
public final class Role {

    public static final String SUPER_ADMIN = "super_admin";
    public static final String ADMIN = "admin";
    public static final String EDITOR = "editor";

    private Role() {
    }

    public static boolean valid(String role) {
        return SUPER_ADMIN.equals(role) || ADMIN.equals(role) || EDITOR.equals(role);
    }
}
