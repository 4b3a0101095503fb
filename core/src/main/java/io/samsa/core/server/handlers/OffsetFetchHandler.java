package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.core.coordinator.group.GroupCoordinator;
import io.samsa.core.coordinator.group.OffsetAndMetadata;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.Struct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * OffsetFetch v1-v9: a group's committed offsets for the listed partitions, or (v2+, topics
 * null) all of them; -1 for a partition without a commit. v8+ asks for several groups at once.
 * A group-level error is reported per partition before v2, at the top level in v2-v7, per group
 * from v8. Thread-safe.
 */
public final class OffsetFetchHandler implements ApiHandler {

    private record GroupQuery(String groupId, List<TopicPartition> partitions) {
    }

    private final GroupCoordinator coordinator;

    public OffsetFetchHandler(GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.OFFSET_FETCH;
    }

    @Override
    public short minVersion() {
        return 1;
    }

    @Override
    public short maxVersion() {
        return 9;
    }

    @Override
    public void handle(Request request, Struct body) {
        short version = request.version();
        List<GroupQuery> queries = new ArrayList<>();
        if (version < 8) {
            queries.add(new GroupQuery(body.getString("group_id"), partitions(body.getStructArray("topics"))));
        } else {
            for (Struct g : body.getStructArray("groups")) {
                queries.add(new GroupQuery(g.getString("group_id"), partitions(g.getStructArray("topics"))));
            }
        }
        GroupCoordinator.FetchResult[] results = new GroupCoordinator.FetchResult[queries.size()];
        AtomicInteger remaining = new AtomicInteger(queries.size());
        if (queries.isEmpty()) {
            request.sendResponse(new Struct(ApiKeys.OFFSET_FETCH.responseSpec().root()));
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

    private static List<TopicPartition> partitions(List<Struct> topics) {
        if (topics == null) {
            return null;
        }
        List<TopicPartition> out = new ArrayList<>();
        for (Struct t : topics) {
            for (int p : t.getIntArray("partition_indexes")) {
                out.add(new TopicPartition(t.getString("name"), p));
            }
        }
        return out;
    }

    private static Struct response(short version, List<GroupQuery> queries, GroupCoordinator.FetchResult[] results) {
        Struct response = new Struct(ApiKeys.OFFSET_FETCH.responseSpec().root());
        if (version < 8) {
            GroupCoordinator.FetchResult r = results[0];
            List<TopicPartition> requested = queries.get(0).partitions();
            if (r.error() != Errors.NONE && version >= 2) {
                response.set("error_code", r.error().code());
                return response;
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
            if (r.error() == Errors.NONE) {
                offsets.putAll(r.offsets());
            } else if (requested != null) {
                requested.forEach(tp -> offsets.put(tp, null));
            }
            addTopics(response, offsets, r.error(), requested, version >= 5);
            response.set("error_code", Errors.NONE.code());
            return response;
        }
        for (int i = 0; i < queries.size(); i++) {
            GroupCoordinator.FetchResult r = results[i];
            Struct g = response.addElement("groups").set("group_id", queries.get(i).groupId()).set("error_code", r.error().code());
            if (r.error() == Errors.NONE) {
                addTopics(g, r.offsets(), Errors.NONE, queries.get(i).partitions(), true);
            }
        }
        return response;
    }

    /** Adds the offsets grouped by topic, in request order (or by topic name when all were asked for). */
    private static void addTopics(Struct parent, Map<TopicPartition, OffsetAndMetadata> offsets, Errors partitionError,
                                  List<TopicPartition> requested, boolean withEpoch) {
        Map<String, List<TopicPartition>> byTopic = requested == null ? new TreeMap<>() : new LinkedHashMap<>();
        for (TopicPartition tp : requested == null ? offsets.keySet() : requested) {
            byTopic.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(tp);
        }
        for (Map.Entry<String, List<TopicPartition>> e : byTopic.entrySet()) {
            Struct t = parent.addElement("topics").set("name", e.getKey());
            List<TopicPartition> tps = e.getValue();
            if (requested == null) {
                tps.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
            }
            for (TopicPartition tp : tps) {
                OffsetAndMetadata o = offsets.get(tp);
                t.addElement("partitions")
                        .set("partition_index", tp.partition())
                        .set("committed_offset", o == null ? -1L : o.offset())
                        .set("committed_leader_epoch", o == null || !withEpoch ? -1 : o.leaderEpoch())
                        .set("metadata", o == null ? OffsetAndMetadata.NO_METADATA : o.metadata())
                        .set("error_code", partitionError.code());
            }
        }
    }
}
