package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.core.coordinator.group.GroupCoordinator;
import io.samsa.core.coordinator.group.OffsetAndMetadata;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.core.server.metadata.MetadataCache;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.OffsetFetchRequest;
import io.samsa.protocol.message.OffsetFetchResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * OffsetFetch: a group's committed offsets for the listed partitions, or (v2+, topics null) all of
 * them; -1 for a partition without a commit. v8+ asks for several groups at once. A group-level
 * error is reported per partition before v2, at the top level in v2-v7, per group from v8.
 * Version 0 reads what OffsetCommit v0 stored in ZooKeeper ({@link Version0OffsetStore}), where a
 * partition without a commit answers UNKNOWN_TOPIC_OR_PARTITION, as Kafka's did. Thread-safe.
 */
public final class OffsetFetchHandler implements ApiHandler<OffsetFetchRequest> {

    private record GroupQuery(String groupId, List<TopicPartition> partitions) {
    }

    private final GroupCoordinator coordinator;
    private final MetadataCache metadata;
    private final Version0OffsetStore version0Offsets;

    public OffsetFetchHandler(GroupCoordinator coordinator, MetadataCache metadata, Version0OffsetStore version0Offsets) {
        this.coordinator = coordinator;
        this.metadata = metadata;
        this.version0Offsets = version0Offsets;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.OFFSET_FETCH;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 9;
    }

    @Override
    public void handle(Request request, OffsetFetchRequest body) {
        short version = request.version();
        if (version == 0) {
            request.sendResponse(fromZooKeeper(body));
            return;
        }
        List<GroupQuery> queries = new ArrayList<>();
        if (version < 8) {
            queries.add(new GroupQuery(body.groupId(), partitions(body.topics(),
                    OffsetFetchRequest.OffsetFetchRequestTopic::name, OffsetFetchRequest.OffsetFetchRequestTopic::partitionIndexes)));
        } else {
            for (OffsetFetchRequest.OffsetFetchRequestGroup g : body.groups()) {
                queries.add(new GroupQuery(g.groupId(), partitions(g.topics(),
                        OffsetFetchRequest.OffsetFetchRequestTopics::name, OffsetFetchRequest.OffsetFetchRequestTopics::partitionIndexes)));
            }
        }
        GroupCoordinator.FetchResult[] results = new GroupCoordinator.FetchResult[queries.size()];
        AtomicInteger remaining = new AtomicInteger(queries.size());
        if (queries.isEmpty()) {
            request.sendResponse(new OffsetFetchResponse());
            return;
        }
        for (int i = 0; i < queries.size(); i++) {
            int index = i;
            GroupQuery q = queries.get(i);
            coordinator.fetchOffsets(q.groupId(), q.partitions(), r -> {
                results[index] = r;
                if (remaining.decrementAndGet() == 0) {
                    request.sendResponse(response(version, queries, results));
                }
            });
        }
    }

    /** The requested partitions, or null (all of them) when {@code topics} is null. */
    private static <T> List<TopicPartition> partitions(List<T> topics, Function<T, String> name,
                                                       Function<T, List<Integer>> partitionIndexes) {
        if (topics == null) {
            return null;
        }
        List<TopicPartition> out = new ArrayList<>();
        for (T t : topics) {
            for (int p : partitionIndexes.apply(t)) {
                out.add(new TopicPartition(name.apply(t), p));
            }
        }
        return out;
    }

    private OffsetFetchResponse fromZooKeeper(OffsetFetchRequest body) {
        MetadataCache.Snapshot snap = metadata.snapshot();
        OffsetFetchResponse response = new OffsetFetchResponse();
        for (OffsetFetchRequest.OffsetFetchRequestTopic topic : body.topics()) {
            OffsetFetchResponse.OffsetFetchResponseTopic t = new OffsetFetchResponse.OffsetFetchResponseTopic().setName(topic.name());
            response.topics().add(t);
            for (int partition : topic.partitionIndexes()) {
                TopicPartition tp = new TopicPartition(topic.name(), partition);
                OffsetFetchResponse.OffsetFetchResponsePartition p = new OffsetFetchResponse.OffsetFetchResponsePartition()
                        .setPartitionIndex(partition)
                        .setCommittedOffset(-1L)
                        .setMetadata(OffsetAndMetadata.NO_METADATA)
                        .setErrorCode(Errors.UNKNOWN_TOPIC_OR_PARTITION.code());
                t.partitions().add(p);
                if (snap.partition(tp).isPresent()) {
                    try {
                        OptionalLong offset = version0Offsets.fetch(body.groupId(), tp);
                        if (offset.isPresent()) {
                            p.setCommittedOffset(offset.getAsLong()).setErrorCode(Errors.NONE.code());
                        }
                    } catch (RuntimeException e) {
                        p.setErrorCode(Errors.UNKNOWN_SERVER_ERROR.code());
                    }
                }
            }
        }
        return response;
    }

    private static OffsetFetchResponse response(short version, List<GroupQuery> queries, GroupCoordinator.FetchResult[] results) {
        OffsetFetchResponse response = new OffsetFetchResponse();
        if (version < 8) {
            GroupCoordinator.FetchResult r = results[0];
            List<TopicPartition> requested = queries.get(0).partitions();
            if (r.error() != Errors.NONE && version >= 2) {
                return response.setErrorCode(r.error().code());
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
            if (r.error() == Errors.NONE) {
                offsets.putAll(r.offsets());
            } else if (requested != null) {
                requested.forEach(tp -> offsets.put(tp, null));
            }
            for (Map.Entry<String, List<TopicPartition>> e : byTopic(offsets, requested).entrySet()) {
                OffsetFetchResponse.OffsetFetchResponseTopic t = new OffsetFetchResponse.OffsetFetchResponseTopic().setName(e.getKey());
                response.topics().add(t);
                for (TopicPartition tp : e.getValue()) {
                    OffsetAndMetadata o = offsets.get(tp);
                    t.partitions().add(new OffsetFetchResponse.OffsetFetchResponsePartition()
                            .setPartitionIndex(tp.partition())
                            .setCommittedOffset(o == null ? -1L : o.offset())
                            .setCommittedLeaderEpoch(o == null ? -1 : o.leaderEpoch())
                            .setMetadata(o == null ? OffsetAndMetadata.NO_METADATA : o.metadata())
                            .setErrorCode(r.error().code()));
                }
            }
            return response;
        }
        for (int i = 0; i < queries.size(); i++) {
            GroupCoordinator.FetchResult r = results[i];
            OffsetFetchResponse.OffsetFetchResponseGroup g = new OffsetFetchResponse.OffsetFetchResponseGroup()
                    .setGroupId(queries.get(i).groupId())
                    .setErrorCode(r.error().code());
            response.groups().add(g);
            if (r.error() != Errors.NONE) {
                continue;
            }
            for (Map.Entry<String, List<TopicPartition>> e : byTopic(r.offsets(), queries.get(i).partitions()).entrySet()) {
                OffsetFetchResponse.OffsetFetchResponseTopics t = new OffsetFetchResponse.OffsetFetchResponseTopics().setName(e.getKey());
                g.topics().add(t);
                for (TopicPartition tp : e.getValue()) {
                    OffsetAndMetadata o = r.offsets().get(tp);
                    t.partitions().add(new OffsetFetchResponse.OffsetFetchResponsePartitions()
                            .setPartitionIndex(tp.partition())
                            .setCommittedOffset(o == null ? -1L : o.offset())
                            .setCommittedLeaderEpoch(o == null ? -1 : o.leaderEpoch())
                            .setMetadata(o == null ? OffsetAndMetadata.NO_METADATA : o.metadata())
                            .setErrorCode(Errors.NONE.code()));
                }
            }
        }
        return response;
    }

    /**
     * The partitions to answer for, grouped by topic: in request order, or by topic name and
     * partition number when all were asked for.
     */
    private static Map<String, List<TopicPartition>> byTopic(Map<TopicPartition, OffsetAndMetadata> offsets,
                                                             List<TopicPartition> requested) {
        Map<String, List<TopicPartition>> byTopic = requested == null ? new TreeMap<>() : new LinkedHashMap<>();
        for (TopicPartition tp : requested == null ? offsets.keySet() : requested) {
            byTopic.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(tp);
        }
        if (requested == null) {
            byTopic.values().forEach(tps -> tps.sort((a, b) -> Integer.compare(a.partition(), b.partition())));
        }
        return byTopic;
    }
}
