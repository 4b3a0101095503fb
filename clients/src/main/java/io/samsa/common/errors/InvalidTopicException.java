package io.samsa.common.errors;

import java.util.Set;

/**
 * A topic name is not valid (empty, too long, illegal characters), or the operation is not allowed
 * on the topic (for example producing to an internal topic). Names the topics when known.
 * Immutable once thrown; safe to pass between threads.
 */
public class InvalidTopicException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final Set<String> invalidTopics;

    /** With a message. */
    public InvalidTopicException(String message, Set<String> invalidTopics) {
        super(message);
        this.invalidTopics = Set.copyOf(invalidTopics);
    }

    /** Naming the invalid topics, in the message too. */
    public InvalidTopicException(Set<String> invalidTopics) {
        this("Invalid topics: " + invalidTopics, invalidTopics);
    }

    /** With a message saying what went wrong. */
    public InvalidTopicException(String message) {
        this(message, Set.of());
    }

    /** The topics found invalid; empty when not known. */
    public Set<String> invalidTopics() {
        return invalidTopics;
    }
}
