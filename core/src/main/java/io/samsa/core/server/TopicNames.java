package io.samsa.core.server;

/** Kafka's rules for topic names. Stateless. */
public final class TopicNames {

    public static final int MAX_LENGTH = 249;

    private TopicNames() {
    }

    /** Null when valid, else why not. */
    public static String invalidReason(String name) {
        if (name == null || name.isEmpty()) {
            return "Topic name is empty";
        }
        if (name.equals(".") || name.equals("..")) {
            return "Topic name cannot be \".\" or \"..\"";
        }
        if (name.length() > MAX_LENGTH) {
            return "Topic name is longer than " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
            if (!ok) {
                return "Topic name \"" + name + "\" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'";
            }
        }
        return null;
    }

    public static boolean isInternal(String name) {
        return name.equals("__consumer_offsets") || name.equals("__transaction_state");
    }
}
