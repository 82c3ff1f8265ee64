package com.motoroctane.gateway.proxy;

import java.util.List;

/** Prefix matching on whole path segments: {@code /api/brands} covers {@code /api/brands/x}, not {@code /api/brandsx}. */
public final class PathPrefixes {

    private PathPrefixes() {
    }

    public static boolean matches(String path, String prefix) {
        if (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return path.equals(prefix) || path.startsWith(prefix) && path.length() > prefix.length()
                && path.charAt(prefix.length()) == '/';
    }

    public static boolean matchesAny(String path, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (matches(path, prefix)) {
                return true;
            }
        }
        return false;
    }
}
