package io.samsa.clients.admin.internals;

import io.samsa.clients.admin.DeletedRecords;
import io.samsa.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import io.samsa.clients.admin.OffsetSpec;
import io.samsa.clients.admin.RecordsToDelete;
import io.samsa.clients.internals.ClientRequest;
import io.samsa.clients.internals.ClientResponse;
import io.samsa.common.Errors;
import io.samsa.common.IsolationLevel;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.ApiException;
import io.samsa.common.errors.InvalidMetadataException;
import io.samsa.common.errors.RetriableException;
import io.samsa.common.errors.UnsupportedVersionException;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.DeleteRecordsRequest;
import io.samsa.protocol.message.DeleteRecordsResponse;
import io.samsa.protocol.message.ListOffsetsRequest;
import io.samsa.protocol.message.ListOffsetsResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Looking up and trimming partition offsets: both must reach each partition's leader, so the
 * partitions are grouped by leader (found with {@link LeaderLookup}), one request per leader. A
 * partition whose leader moved is looked up again; other retriable errors retry at the same leader.
 * Thread-safe: each call's state lives on the I/O thread.
 */
public final class RecordCalls {

    /** ListOffsets' special timestamps. */
    static final long LATEST = -1;
    static final long EARLIEST = -2;
    static final long MAX_TIMESTAMP = -3;
    static final long EARLIEST_LOCAL = -4;
    static final long LATEST_TIERED = -5;

    private final CallRunner runner;

    public RecordCalls(CallRunner runner) {
        this.runner = runner;
    }

    public Map<TopicPartition, CompletableFuture<ListOffsetsResultInfo>> listOffsets(Map<TopicPartition, OffsetSpec> specs,
                                                                                      IsolationLevel isolation,
                                                                                      Integer timeoutMs) {
        Map<TopicPartition, Long> timestamps = new HashMap<>();
        specs.forEach((tp, spec) -> timestamps.put(tp, timestamp(spec)));
        return runner.call("listOffsets", runner.deadline(timeoutMs), specs.keySet(), new LeaderLookup(),
                new ListOffsets(timestamps, isolation));
    }

    public Map<TopicPartition, CompletableFuture<DeletedRecords>> deleteRecords(Map<TopicPartition, RecordsToDelete> records,
                                                                                Integer timeoutMs) {
        return runner.call("deleteRecords", runner.deadline(timeoutMs), records.keySet(), new LeaderLookup(),
                new DeleteRecords(records));
    }

    /** The ListOffsets timestamp that asks for {@code spec}. */
    static long timestamp(OffsetSpec spec) {
        if (spec instanceof OffsetSpec.TimestampSpec t) {
            return t.timestamp();
        } else if (spec instanceof OffsetSpec.EarliestSpec) {
            return EARLIEST;
        } else if (spec instanceof OffsetSpec.MaxTimestampSpec) {
            return MAX_TIMESTAMP;
        } else if (spec instanceof OffsetSpec.EarliestLocalSpec) {
            return EARLIEST_LOCAL;
        } else if (spec instanceof OffsetSpec.LatestTieredSpec) {
            return LATEST_TIERED;
        }
        return LATEST;
    }

    /** The lowest ListOffsets version that can ask for these timestamps at this isolation level. */
    static short minVersion(Iterable<Long> timestamps, IsolationLevel isolation) {
        short min = (short) (isolation == IsolationLevel.READ_COMMITTED ? 2 : 1);
        for (long ts : timestamps) {
            if (ts == MAX_TIMESTAMP) {
                min = (short) Math.max(min, 7);
            } else if (ts == EARLIEST_LOCAL) {
                min = (short) Math.max(min, 8);
            } else if (ts == LATEST_TIERED) {
                min = (short) Math.max(min, 9);
            }
        }
        return min;
    }

    /** What a partition error from a leader means: look the leader up again, retry there, or fail. */
    static <V> void partitionError(TopicPartition tp, Errors error, Outcomes<TopicPartition, V> out) {
        ApiException e = error.exception();
        if (e instanceof InvalidMetadataException) {
            out.reroute(tp, e);
        } else if (e instanceof RetriableException) {
            out.retry(tp, e);
        } else {
            out.fail(tp, e);
        }
    }

    private record ListOffsets(Map<TopicPartition, Long> timestamps, IsolationLevel isolation)
            implements Fulfiller<TopicPartition, ListOffsetsResultInfo> {

        @Override
        public ClientRequest request(Destination destination, Set<TopicPartition> keys, int timeoutMs) {
            List<ListOffsetsRequest.ListOffsetsTopic> topics = new ArrayList<>();
            List<Long> asked = new ArrayList<>();
            for (Map.Entry<String, List<Integer>> e : Keys.byTopic(keys).entrySet()) {
                List<ListOffsetsRequest.ListOffsetsPartition> partitions = new ArrayList<>();
                for (int p : e.getValue()) {
                    long ts = timestamps.get(new TopicPartition(e.getKey(), p));
                    asked.add(ts);
                    partitions.add(new ListOffsetsRequest.ListOffsetsPartition().setPartitionIndex(p).setTimestamp(ts));
                }
                topics.add(new ListOffsetsRequest.ListOffsetsTopic().setName(e.getKey()).setPartitions(partitions));
            }
            ListOffsetsRequest body = new ListOffsetsRequest().setReplicaId(-1).setIsolationLevel(isolation.id())
                    .setTopics(topics);
            return ClientRequest.of(ApiKeys.LIST_OFFSETS, minVersion(asked, isolation), ApiKeys.LIST_OFFSETS.latestVersion(),
                    v -> body);
        }

        @Override
        public void onResponse(Destination destination, Set<TopicPartition> keys, ClientResponse response,
                               Outcomes<TopicPartition, ListOffsetsResultInfo> out) {
            ListOffsetsResponse body = response.bodyAs();
            for (ListOffsetsResponse.ListOffsetsTopicResponse t : body.topics()) {
                for (ListOffsetsResponse.ListOffsetsPartitionResponse p : t.partitions()) {
                    TopicPartition tp = new TopicPartition(t.name(), p.partitionIndex());
                    Errors error = Errors.forCode(p.errorCode());
                    if (error == Errors.NONE) {
                        Optional<Integer> epoch = p.leaderEpoch() < 0 ? Optional.empty() : Optional.of(p.leaderEpoch());
                        out.complete(tp, new ListOffsetsResultInfo(p.offset(), p.timestamp(), epoch));
                    } else {
                        partitionError(tp, error, out);
                    }
                }
            }
        }

        /** A broker too old for a special timestamp fails those partitions; the others are asked again without them. */
        @Override
        public void onUnsupportedVersion(Set<TopicPartition> keys, UnsupportedVersionException e,
                                         Outcomes<TopicPartition, ListOffsetsResultInfo> out) {
            boolean anySpecial = keys.stream().anyMatch(tp -> timestamps.get(tp) <= MAX_TIMESTAMP);
            for (TopicPartition tp : keys) {
                if (!anySpecial || timestamps.get(tp) <= MAX_TIMESTAMP) {
                    out.fail(tp, e);
                } else {
                    out.retry(tp, e);
                }
            }
        }
    }

    private record DeleteRecords(Map<TopicPartition, RecordsToDelete> records) implements Fulfiller<TopicPartition, DeletedRecords> {

        @Override
        public ClientRequest request(Destination destination, Set<TopicPartition> keys, int timeoutMs) {
            List<DeleteRecordsRequest.DeleteRecordsTopic> topics = new ArrayList<>();
            for (Map.Entry<String, List<Integer>> e : Keys.byTopic(keys).entrySet()) {
                List<DeleteRecordsRequest.DeleteRecordsPartition> partitions = new ArrayList<>();
                for (int p : e.getValue()) {
                    partitions.add(new DeleteRecordsRequest.DeleteRecordsPartition().setPartitionIndex(p)
                            .setOffset(records.get(new TopicPartition(e.getKey(), p)).beforeOffset()));
                }
                topics.add(new DeleteRecordsRequest.DeleteRecordsTopic().setName(e.getKey()).setPartitions(partitions));
            }
            return ClientRequest.of(new DeleteRecordsRequest().setTopics(topics).setTimeoutMs(timeoutMs));
        }

        @Override
        public void onResponse(Destination destination, Set<TopicPartition> keys, ClientResponse response,
                               Outcomes<TopicPartition, DeletedRecords> out) {
            DeleteRecordsResponse body = response.bodyAs();
            for (DeleteRecordsResponse.DeleteRecordsTopicResult t : body.topics()) {
                for (DeleteRecordsResponse.DeleteRecordsPartitionResult p : t.partitions()) {
                    TopicPartition tp = new TopicPartition(t.name(), p.partitionIndex());
                    Errors error = Errors.forCode(p.errorCode());
                    if (error == Errors.NONE) {
                        out.complete(tp, new DeletedRecords(p.lowWatermark()));
                    } else {
                        partitionError(tp, error, out);
                    }
                }
            }
        }
    }
}
