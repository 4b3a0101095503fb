package io.samsa.common.errors;

import java.util.Set;

/**
 * The client is not authorized to access one or more topics, which it names. Immutable once
 * thrown; safe to pass between threads.
 */
public class TopicAuthorizationException extends AuthorizationException {

    private static final long serialVersionUID = 1L;

    private final Set<String> unauthorizedTopics;

    /** With a message. */
    public TopicAuthorizationException(String message, Set<String> unauthorizedTopics) {
        super(message);
        this.unauthorizedTopics = Set.copyOf(unauthorizedTopics);
    }

    /** Naming the refused topics, in the message too. */
    public TopicAuthorizationException(Set<String> unauthorizedTopics) {
        this("Not authorized to access topics: " + unauthorizedTopics, unauthorizedTopics);
    }

    /** With a message saying what went wrong. */
    public TopicAuthorizationException(String message) {
        this(message, Set.of());
    }

    /** The topics refused; empty when the broker did not say which. */
    public Set<String> unauthorizedTopics() {
        return unauthorizedTopics;
    }
}
