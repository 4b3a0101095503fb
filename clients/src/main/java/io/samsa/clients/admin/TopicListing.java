package io.samsa.clients.admin;

import io.samsa.common.Uuid;

import java.util.Objects;

/** A topic as {@link Admin#listTopics()} lists it. Immutable. */
public class TopicListing {

    private final String name;
    private final Uuid topicId;
    private final boolean internal;

    public TopicListing(String name, Uuid topicId, boolean internal) {
        this.name = name;
        this.topicId = topicId;
        this.internal = internal;
    }

    public String name() {
        return name;
    }

    /** The topic's id, or {@link Uuid#ZERO} when the broker did not say. */
    public Uuid topicId() {
        return topicId;
    }

    /** Whether this is an internal topic such as {@code __consumer_offsets}. */
    public boolean isInternal() {
        return internal;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopicListing that && internal == that.internal && name.equals(that.name)
                && Objects.equals(topicId, that.topicId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, topicId, internal);
    }

    @Override
    public String toString() {
        return "(name=" + name + ", topicId=" + topicId + ", internal=" + internal + ")";
    }
}
