package com.motoroctane.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough PromQL to list the metric names an expression reads. */
final class PromQl {

    private static final Set<String> KEYWORDS = Set.of("by", "without", "and", "or", "unless", "offset", "bool", "on",
            "ignoring", "group_left", "group_right", "inf", "nan");

    private PromQl() {
    }

    static Set<String> metricNames(String expression) {
        String bare = expression
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")        // string literals
                .replaceAll("\\{[^}]*}", "")                               // label matchers
                .replaceAll("\\[[^]]*]", "")                               // ranges
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(bare);
        while (m.find()) {
            String token = m.group(1);
            boolean function = m.group(2) != null;
            if (!function && !KEYWORDS.contains(token.toLowerCase()) && !isDurationSuffix(bare, m.start())) {
                names.add(token);
            }
        }
        return names;
    }

    /** "5m" or "1d" leave a unit after a number (offset 1h). */
    private static boolean isDurationSuffix(String s, int start) {
        return start > 0 && Character.isDigit(s.charAt(start - 1));
    }
}
