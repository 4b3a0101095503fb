package io.samsa.tools.topics;

import java.util.Locale;

/** What {@code samsa-topics} is asked to do: exactly one of Kafka's five actions. */
enum TopicAction {
    LIST, DESCRIBE, CREATE, ALTER, DELETE;

    /** The option that asks for it, e.g. {@code --describe}. */
    String flag() {
        return "--" + name().toLowerCase(Locale.ROOT);
    }
}
