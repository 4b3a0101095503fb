package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.common.Uuid;
import io.samsa.core.network.Request;
import io.samsa.core.replication.FetchPurgatory;
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
 * Fetch for consumers: reads each requested partition up to its high watermark as file slices
 * (sent with sendfile), within the request's byte limits. When less than {@code min_bytes} is
 * available the request waits in the {@link FetchPurgatory} for an append or {@code max_wait_ms};
 * a fetch naming no partition is answered at once. Versions 0-3 get the old message formats their
 * clients read ({@link FetchDownConversion}).
 * Fetch sessions are not kept: every answer carries session id 0, which clients take as "send
 * full requests". Thread-safe.
 */
public final class FetchHandler implements ApiHandler<FetchRequest> {

    private final ReplicaManager replicaManager;
    private final MetadataCache metadata;
    private final FetchPurgatory purgatory;

    public FetchHandler(ReplicaManager replicaManager, MetadataCache metadata, FetchPurgatory purgatory) {
        this.replicaManager = replicaManager;
        this.metadata = metadata;
        this.purgatory = purgatory;
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
                         int maxBytes, Errors resolveError) {
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
                        p.currentLeaderEpoch(), p.partitionMaxBytes(), resolveError));
            }
        }
        int maxBytes = body.maxBytes();
        int minBytes = body.minBytes();
        int maxWaitMs = body.maxWaitMs();
        byte isolation = body.isolationLevel();

        List<ReadResult> results = readAll(wanted, maxBytes);
        // A fetch naming no partition has nothing to wait for: Java consumers send one to close
        // their fetch session on close(), and would otherwise sit out max_wait_ms.
        if (wanted.isEmpty() || maxWaitMs <= 0 || minBytes <= 0 || enough(results, minBytes) || hasError(results)) {
            request.sendResponse(buildResponse(version, wanted, results, isolation));
            return;
        }
        List<TopicPartition> tps = new ArrayList<>(wanted.size());
        for (Wanted w : wanted) {
            tps.add(w.tp());
        }
        purgatory.park(tps, maxWaitMs,
                () -> { List<ReadResult> r = readAll(wanted, maxBytes); return enough(r, minBytes) || hasError(r); },
                () -> request.sendResponse(buildResponse(version, wanted, readAll(wanted, maxBytes), isolation)));
    }

    private List<ReadResult> readAll(List<Wanted> wanted, int maxBytes) {
        List<ReadResult> results = new ArrayList<>(wanted.size());
        int budget = maxBytes;
        boolean first = true;
        for (Wanted w : wanted) {
            if (w.resolveError() != Errors.NONE) {
                results.add(ReadResult.error(w.resolveError()));
                continue;
            }
            if (metadata.snapshot().partition(w.tp()).isEmpty()) {
                results.add(ReadResult.error(Errors.UNKNOWN_TOPIC_OR_PARTITION));
                continue;
            }
            int limit = Math.max(0, Math.min(w.maxBytes(), budget));
            // Like Kafka, the first partition may exceed the limits by one batch so that a large
            // batch can never block a consumer forever.
            ReadResult r = replicaManager.read(w.tp(), w.offset(), limit, w.currentLeaderEpoch(), first);
            if (r.sizeInBytes() > 0) {
                first = false;
                budget -= r.sizeInBytes();
            }
            results.add(r);
        }
        return results;
    }

    private static boolean enough(List<ReadResult> results, int minBytes) {
        long total = 0;
        for (ReadResult r : results) {
            total += r.sizeInBytes();
        }
        return total >= minBytes;
    }

    private static boolean hasError(List<ReadResult> results) {
        for (ReadResult r : results) {
            if (r.error() != Errors.NONE) {
                return true;
            }
        }
        return false;
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
            topic.partitions().add(new FetchResponse.PartitionData()
                    .setPartitionIndex(w.tp().partition())
                    .setErrorCode(error.code())
                    .setHighWatermark(r.highWatermark())
                    .setLastStableOffset(r.lastStableOffset())
                    .setLogStartOffset(r.logStartOffset())
                    .setAbortedTransactions(isolation == 1 ? new ArrayList<>(0) : null)
                    .setRecords(records));
        }
        return response;
    }
}
