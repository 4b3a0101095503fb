package io.samsa.core.server;

/** Facts about topic names the request handlers need. Stateless. */
public final class TopicNames {

    private TopicNames() {
    }

    /** Whether {@code name} is a legal topic name (the rules live in TopicAdmin). */
    public static boolean isValid(String name) {
        try {
            io.samsa.core.admin.TopicAdmin.validateTopicName(name);
            return true;
        } catch (io.samsa.core.admin.AdminException e) {
            return false;
        }
    }

    public static boolean isInternal(String name) {
        return name.equals("__consumer_offsets") || name.equals("__transaction_state");
    }
}
