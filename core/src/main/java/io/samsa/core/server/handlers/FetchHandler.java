package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.core.network.Request;
import io.samsa.core.replication.FetchParams;
import io.samsa.core.replication.PartitionFetch;
import io.samsa.core.replication.ReadResult;
import io.samsa.core.replication.ReplicaManager;
import io.samsa.core.server.ApiHandler;
import io.samsa.core.server.fetchsession.FetchContext;
import io.samsa.core.server.fetchsession.FetchPartitionRequest;
import io.samsa.core.server.fetchsession.FetchSessionCache;
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
 * moved far enough or {@code max_wait_ms} passes; a fetch with nothing to read is answered at once.
 * Versions 0-3 get the old message formats their clients read ({@link FetchDownConversion}).
 * From v7, fetch sessions (KIP-227, {@link FetchSessionCache}) let a client name only the
 * partitions that changed and get only those with news. Thread-safe.
 */
public final class FetchHandler implements ApiHandler<FetchRequest> {

    private final ReplicaManager replicaManager;
    private final MetadataCache metadata;
    private final FetchSessionCache sessions;

    public FetchHandler(ReplicaManager replicaManager, MetadataCache metadata, FetchSessionCache sessions) {
        this.replicaManager = replicaManager;
        this.metadata = metadata;
        this.sessions = sessions;
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

    /** One partition to read, with its name resolved (or why it could not be). */
    private record Wanted(FetchPartitionRequest request, TopicPartition tp, Errors resolveError) {
    }

    @Override
    public void handle(Request request, FetchRequest body) {
        short version = request.version();
        boolean byTopicId = version >= 13;
        // A follower names itself in replica_state from v15, in replica_id before.
        int replicaId = version >= 15 ? body.replicaState().replicaId() : body.replicaId();
        long replicaEpoch = version >= 15 ? body.replicaState().replicaEpoch() : -1L;
        FetchContext context = sessions.newContext(version, body.sessionId(), body.sessionEpoch(), replicaId >= 0,
                requested(body), forgotten(body));
        if (context instanceof FetchContext.SessionError e) {
            request.sendResponse(new FetchResponse().setErrorCode(e.error().code()));
            return;
        }
        MetadataCache.Snapshot snap = metadata.snapshot();
        List<Wanted> wanted = new ArrayList<>();
        for (FetchPartitionRequest p : context.partitions()) {
            wanted.add(resolve(p, byTopicId, snap));
        }
        byte isolation = body.isolationLevel();
        List<PartitionFetch> fetches = new ArrayList<>(wanted.size());
        boolean unresolved = false;
        for (Wanted w : wanted) {
            if (w.resolveError() == Errors.NONE) {
                FetchPartitionRequest p = w.request();
                fetches.add(new PartitionFetch(w.tp(), p.fetchOffset(), p.maxBytes(), p.currentLeaderEpoch(), p.lastFetchedEpoch(),
                        p.logStartOffset()));
            } else {
                unresolved = true;
            }
        }
        // A partition the broker cannot name is an error to report now, as is a failed read.
        FetchParams params = new FetchParams(replicaId, replicaEpoch, unresolved ? 0 : body.maxWaitMs(), body.minBytes(),
                body.maxBytes());
        replicaManager.fetchMessages(params, fetches,
                read -> request.sendResponse(buildResponse(version, context, wanted, merge(wanted, read), isolation, replicaId >= 0)));
    }

    /** The partitions the request names, by name before v13 and by id from v13. */
    private static List<FetchPartitionRequest> requested(FetchRequest body) {
        List<FetchPartitionRequest> result = new ArrayList<>();
        for (FetchRequest.FetchTopic topic : body.topics()) {
            for (FetchRequest.FetchPartition p : topic.partitions()) {
                result.add(new FetchPartitionRequest(topic.topic(), topic.topicId(), p.partition(), p.fetchOffset(),
                        p.currentLeaderEpoch(), p.lastFetchedEpoch(), p.logStartOffset(), p.partitionMaxBytes()));
            }
        }
        return result;
    }

    /** The partitions an incremental request takes out of its session. */
    private static List<FetchPartitionRequest> forgotten(FetchRequest body) {
        List<FetchPartitionRequest> result = new ArrayList<>();
        for (FetchRequest.ForgottenTopic topic : body.forgottenTopicsData()) {
            for (int partition : topic.partitions()) {
                result.add(new FetchPartitionRequest(topic.topic(), topic.topicId(), partition, 0L, -1, -1, -1L, 0));
            }
        }
        return result;
    }

    private static Wanted resolve(FetchPartitionRequest p, boolean byTopicId, MetadataCache.Snapshot snap) {
        String name = p.topic();
        if (byTopicId) {
            name = snap.topicNames().get(p.topicId());
            if (name == null) {
                return new Wanted(p.withTopic(""), new TopicPartition("", p.partition()), Errors.UNKNOWN_TOPIC_ID);
            }
            p = p.withTopic(name);
        }
        TopicPartition tp = new TopicPartition(name, p.partition());
        return new Wanted(p, tp, snap.partition(tp).isPresent() ? Errors.NONE : Errors.UNKNOWN_TOPIC_OR_PARTITION);
    }

    /** The results in order: the read ones, and the errors of the partitions not read. */
    private static List<ReadResult> merge(List<Wanted> wanted, List<ReadResult> read) {
        List<ReadResult> all = new ArrayList<>(wanted.size());
        int next = 0;
        for (Wanted w : wanted) {
            all.add(w.resolveError() != Errors.NONE ? ReadResult.error(w.resolveError()) : read.get(next++));
        }
        return all;
    }

    private FetchResponse buildResponse(short version, FetchContext context, List<Wanted> wanted, List<ReadResult> results,
                                        byte isolation, boolean fromFollower) {
        List<FetchResponse.PartitionData> partitions = new ArrayList<>(wanted.size());
        List<FetchContext.Answer> answers = new ArrayList<>(wanted.size());
        for (int i = 0; i < wanted.size(); i++) {
            FetchResponse.PartitionData p = partitionData(version, wanted.get(i), results.get(i), isolation);
            partitions.add(p);
            answers.add(new FetchContext.Answer(p.highWatermark(), p.logStartOffset(), p.errorCode(), p.records().sizeInBytes() > 0,
                    results.get(i).divergingEpoch() != null));
        }
        FetchContext.Outcome outcome = context.complete(answers);
        FetchResponse response = new FetchResponse().setErrorCode(outcome.error().code());
        if (version >= 7) {
            response.setSessionId(outcome.sessionId());
        }
        boolean byTopicId = version >= 13;
        FetchResponse.FetchableTopicResponse topic = null;
        for (int i : outcome.included()) {
            FetchPartitionRequest w = wanted.get(i).request();
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
            topic.partitions().add(partitions.get(i));
            if (!fromFollower) {
                // Kafka's BytesOutPerSec: what a consumer is sent, after any down-conversion.
                replicaManager.topicMetrics().recordBytesOut(wanted.get(i).tp().topic(), partitions.get(i).records().sizeInBytes());
            }
        }
        return response;
    }

    private FetchResponse.PartitionData partitionData(short version, Wanted w, ReadResult r, byte isolation) {
        Errors error = r.error();
        RecordsData records = r.records() == null ? ReadResults.EMPTY_RECORDS : r.records();
        if (error == Errors.NONE && version < FetchDownConversion.FIRST_UNRESTRICTED_VERSION) {
            error = replicaManager.logConfig(w.tp()).map(c -> FetchDownConversion.refusal(c, version)).orElse(Errors.NONE);
            if (error != Errors.NONE) {
                records = ReadResults.EMPTY_RECORDS;
            } else if (version < FetchDownConversion.FIRST_V2_VERSION) {
                FetchDownConversion.Result converted = FetchDownConversion.convert(records, version, w.request().fetchOffset());
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
        return partition;
    }
}
