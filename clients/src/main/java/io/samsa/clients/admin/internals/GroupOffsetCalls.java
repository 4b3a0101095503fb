package io.samsa.clients.admin.internals;

import io.samsa.clients.admin.ListConsumerGroupOffsetsSpec;
import io.samsa.clients.consumer.OffsetAndMetadata;
import io.samsa.clients.internals.ClientRequest;
import io.samsa.clients.internals.ClientResponse;
import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.UnsupportedVersionException;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.OffsetCommitRequest;
import io.samsa.protocol.message.OffsetCommitResponse;
import io.samsa.protocol.message.OffsetDeleteRequest;
import io.samsa.protocol.message.OffsetDeleteResponse;
import io.samsa.protocol.message.OffsetFetchRequest;
import io.samsa.protocol.message.OffsetFetchResponse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * A consumer group's committed offsets: listing them (OffsetFetch, several groups per request from
 * v8), changing them (OffsetCommit outside the group: generation -1, no member id, which the
 * coordinator accepts only while the group has no members) and deleting them (OffsetDelete). All go
 * to the group's coordinator. Thread-safe: each call's state lives on the I/O thread.
 */
public final class GroupOffsetCalls {

    private static final short FIRST_MULTI_GROUP_FETCH = 8;

    private final CallRunner runner;

    public GroupOffsetCalls(CallRunner runner) {
        this.runner = runner;
    }

    public Map<String, CompletableFuture<Map<TopicPartition, OffsetAndMetadata>>> list(
            Map<String, ListConsumerGroupOffsetsSpec> specs, boolean requireStable, Integer timeoutMs) {
        return runner.call("listConsumerGroupOffsets", runner.deadline(timeoutMs), specs.keySet(), new CoordinatorLookup(),
                new FetchOffsets(specs, requireStable));
    }

    /** Per partition, the coordinator's answer (NONE when committed). */
    public CompletableFuture<Map<TopicPartition, Errors>> alter(String groupId, Map<TopicPartition, OffsetAndMetadata> offsets,
                                                                Integer timeoutMs) {
        return runner.call("alterConsumerGroupOffsets", runner.deadline(timeoutMs), List.of(groupId), new CoordinatorLookup(),
                new CommitOffsets(offsets)).get(groupId);
    }

    /** Per partition, the coordinator's answer (NONE when deleted). */
    public CompletableFuture<Map<TopicPartition, Errors>> delete(String groupId, Set<TopicPartition> partitions,
                                                                 Integer timeoutMs) {
        return runner.call("deleteConsumerGroupOffsets", runner.deadline(timeoutMs), List.of(groupId), new CoordinatorLookup(),
                new DeleteOffsets(partitions)).get(groupId);
    }

    static final class FetchOffsets implements Fulfiller<String, Map<TopicPartition, OffsetAndMetadata>> {
        private final Map<String, ListConsumerGroupOffsetsSpec> specs;
        private final boolean requireStable;
        private boolean multiGroup = true;

        FetchOffsets(Map<String, ListConsumerGroupOffsetsSpec> specs, boolean requireStable) {
            this.specs = specs;
            this.requireStable = requireStable;
        }

        @Override
        public boolean batched() {
            return multiGroup;
        }

        @Override
        public ClientRequest request(Destination destination, Set<String> keys, int timeoutMs) {
            if (multiGroup) {
                List<OffsetFetchRequest.OffsetFetchRequestGroup> groups = new ArrayList<>();
                for (String g : keys) {
                    List<OffsetFetchRequest.OffsetFetchRequestTopics> topics = null;
                    if (partitionsOf(g) != null) {
                        topics = new ArrayList<>();
                        for (Map.Entry<String, List<Integer>> e : Keys.byTopic(partitionsOf(g)).entrySet()) {
                            topics.add(new OffsetFetchRequest.OffsetFetchRequestTopics().setName(e.getKey())
                                    .setPartitionIndexes(e.getValue()));
                        }
                    }
                    groups.add(new OffsetFetchRequest.OffsetFetchRequestGroup().setGroupId(g).setTopics(topics));
                }
                OffsetFetchRequest body = new OffsetFetchRequest().setGroups(groups).setRequireStable(requireStable);
                return ClientRequest.of(ApiKeys.OFFSET_FETCH, FIRST_MULTI_GROUP_FETCH, ApiKeys.OFFSET_FETCH.latestVersion(), v -> body);
            }
            String g = keys.iterator().next();
            List<OffsetFetchRequest.OffsetFetchRequestTopic> topics = null;
            if (partitionsOf(g) != null) {
                topics = new ArrayList<>();
                for (Map.Entry<String, List<Integer>> e : Keys.byTopic(partitionsOf(g)).entrySet()) {
                    topics.add(new OffsetFetchRequest.OffsetFetchRequestTopic().setName(e.getKey()).setPartitionIndexes(e.getValue()));
                }
            }
            OffsetFetchRequest body = new OffsetFetchRequest().setGroupId(g).setTopics(topics).setRequireStable(requireStable);
            // All partitions (null topics) need v2; require_stable needs v7.
            short min = (short) (requireStable ? 7 : topics == null ? 2 : 1);
            return ClientRequest.of(ApiKeys.OFFSET_FETCH, min, (short) (FIRST_MULTI_GROUP_FETCH - 1), v -> body);
        }

        private Collection<TopicPartition> partitionsOf(String groupId) {
            ListConsumerGroupOffsetsSpec spec = specs.get(groupId);
            return spec == null ? null : spec.topicPartitions();
        }

        @Override
        public void onUnsupportedVersion(Set<String> keys, UnsupportedVersionException e,
                                         Outcomes<String, Map<TopicPartition, OffsetAndMetadata>> out) {
            if (multiGroup) {
                multiGroup = false;
                out.retryAll(e);
            } else {
                out.failAll(e);
            }
        }

        @Override
        public void onResponse(Destination destination, Set<String> keys, ClientResponse response,
                               Outcomes<String, Map<TopicPartition, OffsetAndMetadata>> out) {
            OffsetFetchResponse body = response.bodyAs();
            if (response.version() < FIRST_MULTI_GROUP_FETCH) {
                String g = keys.iterator().next();
                Errors error = Errors.forCode(body.errorCode());
                if (error != Errors.NONE) {
                    GroupErrors.handle(g, error, null, out);
                    return;
                }
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                for (OffsetFetchResponse.OffsetFetchResponseTopic t : body.topics()) {
                    for (OffsetFetchResponse.OffsetFetchResponsePartition p : t.partitions()) {
                        add(offsets, new TopicPartition(t.name(), p.partitionIndex()), p.errorCode(), p.committedOffset(),
                                p.committedLeaderEpoch(), p.metadata());
                    }
                }
                out.complete(g, offsets);
                return;
            }
            for (OffsetFetchResponse.OffsetFetchResponseGroup group : body.groups()) {
                Errors error = Errors.forCode(group.errorCode());
                if (error != Errors.NONE) {
                    GroupErrors.handle(group.groupId(), error, null, out);
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                for (OffsetFetchResponse.OffsetFetchResponseTopics t : group.topics()) {
                    for (OffsetFetchResponse.OffsetFetchResponsePartitions p : t.partitions()) {
                        add(offsets, new TopicPartition(t.name(), p.partitionIndex()), p.errorCode(), p.committedOffset(),
                                p.committedLeaderEpoch(), p.metadata());
                    }
                }
                out.complete(group.groupId(), offsets);
            }
        }

        /** A partition without a committed offset maps to null, as in Kafka; one with an error is left out. */
        private static void add(Map<TopicPartition, OffsetAndMetadata> offsets, TopicPartition tp, short errorCode, long offset,
                                int leaderEpoch, String metadata) {
            if (errorCode != Errors.NONE.code()) {
                return;
            }
            offsets.put(tp, offset < 0 ? null : new OffsetAndMetadata(offset,
                    leaderEpoch < 0 ? Optional.empty() : Optional.of(leaderEpoch), metadata));
        }
    }

    private record CommitOffsets(Map<TopicPartition, OffsetAndMetadata> offsets)
            implements Fulfiller<String, Map<TopicPartition, Errors>> {

        @Override
        public ClientRequest request(Destination destination, Set<String> keys, int timeoutMs) {
            Map<String, OffsetCommitRequest.OffsetCommitRequestTopic> topics = new TreeMap<>();
            offsets.forEach((tp, om) -> topics.computeIfAbsent(tp.topic(),
                    t -> new OffsetCommitRequest.OffsetCommitRequestTopic().setName(t).setPartitions(new ArrayList<>()))
                    .partitions().add(new OffsetCommitRequest.OffsetCommitRequestPartition().setPartitionIndex(tp.partition())
                            .setCommittedOffset(om.offset()).setCommittedLeaderEpoch(om.leaderEpoch().orElse(-1))
                            .setCommittedMetadata(om.metadata())));
            OffsetCommitRequest body = new OffsetCommitRequest().setGroupId(keys.iterator().next())
                    .setGenerationIdOrMemberEpoch(-1).setMemberId("").setTopics(new ArrayList<>(topics.values()));
            return ClientRequest.of(ApiKeys.OFFSET_COMMIT, (short) 1, ApiKeys.OFFSET_COMMIT.latestVersion(), v -> body);
        }

        @Override
        public void onResponse(Destination destination, Set<String> keys, ClientResponse response,
                               Outcomes<String, Map<TopicPartition, Errors>> out) {
            String groupId = keys.iterator().next();
            OffsetCommitResponse body = response.bodyAs();
            Map<TopicPartition, Errors> results = new HashMap<>();
            for (OffsetCommitResponse.OffsetCommitResponseTopic t : body.topics()) {
                for (OffsetCommitResponse.OffsetCommitResponsePartition p : t.partitions()) {
                    Errors error = Errors.forCode(p.errorCode());
                    switch (error) {
                        case COORDINATOR_LOAD_IN_PROGRESS, REBALANCE_IN_PROGRESS -> out.retry(groupId, error.exception());
                        case COORDINATOR_NOT_AVAILABLE, NOT_COORDINATOR -> out.reroute(groupId, error.exception());
                        default -> results.put(new TopicPartition(t.name(), p.partitionIndex()), error);
                    }
                }
            }
            out.complete(groupId, results);
        }
    }

    private record DeleteOffsets(Set<TopicPartition> partitions) implements Fulfiller<String, Map<TopicPartition, Errors>> {

        @Override
        public ClientRequest request(Destination destination, Set<String> keys, int timeoutMs) {
            List<OffsetDeleteRequest.OffsetDeleteRequestTopic> topics = new ArrayList<>();
            for (Map.Entry<String, List<Integer>> e : Keys.byTopic(partitions).entrySet()) {
                List<OffsetDeleteRequest.OffsetDeleteRequestPartition> ps = new ArrayList<>();
                e.getValue().forEach(p -> ps.add(new OffsetDeleteRequest.OffsetDeleteRequestPartition().setPartitionIndex(p)));
                topics.add(new OffsetDeleteRequest.OffsetDeleteRequestTopic().setName(e.getKey()).setPartitions(ps));
            }
            return ClientRequest.of(new OffsetDeleteRequest().setGroupId(keys.iterator().next()).setTopics(topics));
        }

        @Override
        public void onResponse(Destination destination, Set<String> keys, ClientResponse response,
                               Outcomes<String, Map<TopicPartition, Errors>> out) {
            String groupId = keys.iterator().next();
            OffsetDeleteResponse body = response.bodyAs();
            Errors error = Errors.forCode(body.errorCode());
            if (error != Errors.NONE) {
                GroupErrors.handle(groupId, error, null, out);
                return;
            }
            Map<TopicPartition, Errors> results = new HashMap<>();
            for (OffsetDeleteResponse.OffsetDeleteResponseTopic t : body.topics()) {
                for (OffsetDeleteResponse.OffsetDeleteResponsePartition p : t.partitions()) {
                    results.put(new TopicPartition(t.name(), p.partitionIndex()), Errors.forCode(p.errorCode()));
                }
            }
            out.complete(groupId, results);
        }
    }
}
