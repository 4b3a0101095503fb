package io.samsa.core.server.metadata;

import io.samsa.common.Uuid;

import java.util.Map;
import java.util.NavigableMap;

/** A topic's id and partitions, by partition number. Immutable. */
public record TopicInfo(String name, Uuid topicId, NavigableMap<Integer, PartitionInfo> partitions) {

    public PartitionInfo partition(int p) {
        return partitions.get(p);
    }

    public boolean isInternal() {
        return io.samsa.core.server.TopicNames.isInternal(name);
    }

    static TopicInfo of(String name, Uuid id, Map<Integer, PartitionInfo> partitions) {
        return new TopicInfo(name, id, java.util.Collections.unmodifiableNavigableMap(new java.util.TreeMap<>(partitions)));
    }
}
