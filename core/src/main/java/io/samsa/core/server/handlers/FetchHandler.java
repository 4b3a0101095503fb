package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.common.Uuid;
import io.samsa.core.network.Request;
import io.samsa.core.replication.FetchParams;
import io.samsa.core.replication.PartitionFetch;
import io.samsa.core.replication.ReadResult;
import io.samsa.core.replication.ReplicaManager;
import io.samsa.core.server.ApiHandler;
import io.samsa.core.server.metadata.MetadataCache;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.RecordsData;
import io.samsa.protocol.message.FetchRequest;
import io.samsa.protocol.message.FetchResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * Fetch for consumers and followers: reads each requested partition up to its high watermark (a
 * follower: up to its log end, or where its log diverged) as file slices
 * (sent with sendfile), within the request's byte limits. When less than {@code min_bytes} is
 * available the request waits in the replica manager's purgatory until the high watermarks have
 * moved far enough or {@code max_wait_ms} passes; a fetch naming no partition is answered at once.
 * Versions 0-3 get the old message formats their clients read ({@link FetchDownConversion}).
 * Fetch sessions are not kept: every answer carries session id 0, which clients take as "send
 * full requests". Thread-safe.
 */
public final class FetchHandler implements ApiHandler<FetchRequest> {

    private final ReplicaManager replicaManager;
    private final MetadataCache metadata;

    public FetchHandler(ReplicaManager replicaManager, MetadataCache metadata) {
        this.replicaManager = replicaManager;
        this.metadata = metadata;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.FETCH;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 17;
    }

    /** One requested partition, resolved to a name. */
    private record Wanted(String topic, Uuid topicId, TopicPartition tp, long offset, int currentLeaderEpoch,
                         int lastFetchedEpoch, long logStartOffset, int maxBytes, Errors resolveError) {
    }

    @Override
    public void handle(Request request, FetchRequest body) {
        short version = request.version();
        if (body.sessionId() != 0) {
            request.sendResponse(new FetchResponse().setErrorCode(Errors.FETCH_SESSION_ID_NOT_FOUND.code()));
            return;
        }
        MetadataCache.Snapshot snap = metadata.snapshot();
        boolean byTopicId = version >= 13;
        List<Wanted> wanted = new ArrayList<>();
        for (FetchRequest.FetchTopic topic : body.topics()) {
            String name = topic.topic();
            Uuid id = topic.topicId();
            Errors resolveError = Errors.NONE;
            if (byTopicId) {
                name = snap.topicNames().get(id);
                if (name == null) {
                    resolveError = Errors.UNKNOWN_TOPIC_ID;
                    name = "";
                }
            }
            for (FetchRequest.FetchPartition p : topic.partitions()) {
                wanted.add(new Wanted(name, id, new TopicPartition(name, p.partition()), p.fetchOffset(),
                        p.currentLeaderEpoch(), p.lastFetchedEpoch(), p.logStartOffset(), p.partitionMaxBytes(), resolveError));
            }
        }
        byte isolation = body.isolationLevel();
        List<PartitionFetch> fetches = new ArrayList<>(wanted.size());
        boolean unresolved = false;
        for (Wanted w : wanted) {
            if (w.resolveError() == Errors.NONE && snap.partition(w.tp()).isPresent()) {
                fetches.add(new PartitionFetch(w.tp(), w.offset(), w.maxBytes(), w.currentLeaderEpoch(), w.lastFetchedEpoch(),
                        w.logStartOffset()));
            } else {
                unresolved = true;
            }
        }
        // A partition the broker cannot name is an error to report now, as is a failed read.
        // A fetch naming no partition has nothing to wait for either: Java consumers send one to
        // close their fetch session on close(), and would otherwise sit out max_wait_ms.
        // A follower names itself in replica_state from v15, in replica_id before.
        int replicaId = version >= 15 ? body.replicaState().replicaId() : body.replicaId();
        long replicaEpoch = version >= 15 ? body.replicaState().replicaEpoch() : -1L;
        FetchParams params = new FetchParams(replicaId, replicaEpoch, unresolved ? 0 : body.maxWaitMs(), body.minBytes(),
                body.maxBytes());
        replicaManager.fetchMessages(params, fetches,
                read -> request.sendResponse(buildResponse(version, wanted, merge(wanted, snap, read), isolation)));
    }

    /** The results in request order: the read ones, and the errors of the partitions not read. */
    private static List<ReadResult> merge(List<Wanted> wanted, MetadataCache.Snapshot snap, List<ReadResult> read) {
        List<ReadResult> all = new ArrayList<>(wanted.size());
        int next = 0;
        for (Wanted w : wanted) {
            if (w.resolveError() != Errors.NONE) {
                all.add(ReadResult.error(w.resolveError()));
            } else if (snap.partition(w.tp()).isEmpty()) {
                all.add(ReadResult.error(Errors.UNKNOWN_TOPIC_OR_PARTITION));
            } else {
                all.add(read.get(next++));
            }
        }
        return all;
    }

    private FetchResponse buildResponse(short version, List<Wanted> wanted, List<ReadResult> results, byte isolation) {
        FetchResponse response = new FetchResponse();
        FetchResponse.FetchableTopicResponse topic = null;
        boolean byTopicId = version >= 13;
        for (int i = 0; i < wanted.size(); i++) {
            Wanted w = wanted.get(i);
            ReadResult r = results.get(i);
            boolean sameTopic = topic != null && (byTopicId ? w.topicId().equals(topic.topicId()) : w.topic().equals(topic.topic()));
            if (!sameTopic) {
                topic = new FetchResponse.FetchableTopicResponse();
                // Each version carries one of the two; the other is not written.
                if (byTopicId) {
                    topic.setTopicId(w.topicId());
                } else {
                    topic.setTopic(w.topic());
                }
                response.responses().add(topic);
            }
            Errors error = r.error();
            RecordsData records = r.records() == null ? ReadResults.EMPTY_RECORDS : r.records();
            if (error == Errors.NONE && version < FetchDownConversion.FIRST_UNRESTRICTED_VERSION) {
                error = replicaManager.logConfig(w.tp()).map(c -> FetchDownConversion.refusal(c, version)).orElse(Errors.NONE);
                if (error != Errors.NONE) {
                    records = ReadResults.EMPTY_RECORDS;
                } else if (version < FetchDownConversion.FIRST_V2_VERSION) {
                    FetchDownConversion.Result converted = FetchDownConversion.convert(records, version, w.offset());
                    error = converted.error();
                    records = converted.records();
                }
            }
            FetchResponse.PartitionData partition = new FetchResponse.PartitionData()
                    .setPartitionIndex(w.tp().partition())
                    .setErrorCode(error.code())
                    .setHighWatermark(r.highWatermark())
                    .setLastStableOffset(r.lastStableOffset())
                    .setLogStartOffset(r.logStartOffset())
                    .setAbortedTransactions(isolation == 1 ? new ArrayList<>(0) : null)
                    .setRecords(records);
            if (r.divergingEpoch() != null) {
                partition.setDivergingEpoch(new FetchResponse.EpochEndOffset()
                        .setEpoch(r.divergingEpoch().leaderEpoch())
                        .setEndOffset(r.divergingEpoch().endOffset()));
            }
            topic.partitions().add(partition);
        }
        return response;
    }
}
