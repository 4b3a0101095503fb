package io.samsa.generator;

import java.util.Set;

/** Java names and literals for schema names. Static helpers; thread-safe. */
final class JavaNames {

    /** Member names every generated class uses itself; a field may not take one. */
    private static final Set<String> TAKEN = Set.of("read", "size", "write", "hasOnlyDefaults", "equals", "hashCode",
        "toString", "getClass", "forEachErrorCode");

    /** Member names of top-level (API) message classes only. */
    static final Set<String> TAKEN_AT_TOP = Set.of("apiKey", "lowestSupportedVersion", "highestSupportedVersion",
        "firstFlexibleVersion");

    private JavaNames() {
    }

    /** {@code group_id} becomes {@code groupId}. */
    static String member(String snake) {
        StringBuilder sb = new StringBuilder(snake.length());
        boolean upper = false;
        for (int i = 0; i < snake.length(); i++) {
            char c = snake.charAt(i);
            if (c == '_') {
                upper = sb.length() > 0;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        String name = sb.toString();
        if (TAKEN.contains(name)) {
            throw new IllegalArgumentException("Field name " + snake + " clashes with a generated method");
        }
        return name;
    }

    static String stringLiteral(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** Schema text made safe for a Javadoc comment. */
    static String javadoc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("*/", "*&#47;").replace("@", "&#64;");
    }
}
