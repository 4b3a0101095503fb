package io.samsa.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The identity of one client metric: a name, the group it belongs to (for example
 * {@code producer-metrics}), a description, and tags that tell instances apart (for example
 * {@code client-id}). Two names are equal when name, group and tags are; the description is
 * documentation only. Immutable.
 */
public final class MetricName {

    private final String name;
    private final String group;
    private final String description;
    private final Map<String, String> tags;

    /**
     * @param tags copied in their iteration order (the order JMX names list them in); neither keys
     *        nor values may be null
     * @throws NullPointerException if name, group, description or tags is null
     */
    public MetricName(String name, String group, String description, Map<String, String> tags) {
        this.name = Objects.requireNonNull(name, "name");
        this.group = Objects.requireNonNull(group, "group");
        this.description = Objects.requireNonNull(description, "description");
        Map<String, String> copy = new LinkedHashMap<>();
        Objects.requireNonNull(tags, "tags").forEach((k, v) -> copy.put(Objects.requireNonNull(k, "tag key"),
                Objects.requireNonNull(v, "tag value")));
        this.tags = Collections.unmodifiableMap(copy);
    }

    /** The metric's name, for example {@code record-send-rate}. */
    public String name() {
        return name;
    }

    /** The group of related metrics, for example {@code producer-metrics}. */
    public String group() {
        return group;
    }

    /** What the metric measures. */
    public String description() {
        return description;
    }

    /** The tags, unmodifiable, in the order they were given. */
    public Map<String, String> tags() {
        return tags;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricName other && name.equals(other.name) && group.equals(other.group)
                && tags.equals(other.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, group, tags);
    }

    @Override
    public String toString() {
        return "MetricName [name=" + name + ", group=" + group + ", description=" + description + ", tags=" + tags + "]";
    }
}
