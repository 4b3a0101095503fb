package io.samsa.core.server.fetchsession;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * An incremental fetch session (KIP-227): the partitions a client fetches, remembered between its
 * requests so each request names only what changed and each answer carries only the partitions
 * with news — records, a moved high watermark or log start offset, an error or a divergence. It
 * also remembers what the client was last told of each partition. Partitions that returned records
 * move to the end, so that partitions later in the session get their turn within the byte limit.
 * Guarded by its own monitor; the cache's lock is never taken while holding it.
 */
final class FetchSession {

    /** What the session remembers of one partition: the client's last request, and what it was last told. */
    static final class CachedPartition {
        FetchPartitionRequest request;
        long highWatermark = -1L;
        long logStartOffset = -1L;

        CachedPartition(FetchPartitionRequest request) {
            this.request = request;
        }

        /**
         * Whether an answer with these values must be sent (the client has not heard them), and,
         * when {@code update}, remember them as heard.
         */
        boolean mustRespond(long hw, long logStart, short errorCode, boolean hasRecords, boolean diverging, boolean update) {
            boolean must = hasRecords || diverging;
            if (hw != highWatermark) {
                must = true;
                if (update) {
                    highWatermark = hw;
                }
            }
            if (logStart != logStartOffset) {
                must = true;
                if (update) {
                    logStartOffset = logStart;
                }
            }
            if (errorCode != 0) {
                must = true;
                // Forget the high watermark, so the partition is sent again once the error is gone.
                if (update) {
                    highWatermark = -1L;
                }
            }
            return must;
        }
    }

    final int id;
    final boolean privileged;
    final boolean usesTopicIds;
    final long creationMs;
    long lastUsedMs;
    int epoch;
    /** The partition count as last accounted for by the cache, -1 before. */
    int cachedSize = -1;
    /** Whether the cache last filed it as past its two-minute protection. */
    boolean filedEstablished;
    final LinkedHashMap<FetchPartitionRequest.PartitionKey, CachedPartition> partitions = new LinkedHashMap<>();

    FetchSession(int id, boolean privileged, boolean usesTopicIds, long now, int epoch) {
        this.id = id;
        this.privileged = privileged;
        this.usesTopicIds = usesTopicIds;
        this.creationMs = now;
        this.lastUsedMs = now;
        this.epoch = epoch;
    }

    synchronized int size() {
        return partitions.size();
    }

    /** Applies an incremental request: new and changed partitions, and those to forget. */
    synchronized void update(List<FetchPartitionRequest> changed, List<FetchPartitionRequest> forgotten) {
        for (FetchPartitionRequest p : changed) {
            CachedPartition cached = partitions.get(p.key(usesTopicIds));
            if (cached == null) {
                partitions.put(p.key(usesTopicIds), new CachedPartition(p));
            } else {
                cached.request = p;
            }
        }
        for (FetchPartitionRequest p : forgotten) {
            partitions.remove(p.key(usesTopicIds));
        }
    }

    /** The partitions to read, in session order. */
    synchronized List<FetchPartitionRequest> requests() {
        List<FetchPartitionRequest> result = new ArrayList<>(partitions.size());
        for (CachedPartition c : partitions.values()) {
            result.add(c.request);
        }
        return result;
    }

    /** Moves a partition that returned records to the end of the session order. */
    void rotate(FetchPartitionRequest.PartitionKey key) {
        CachedPartition c = partitions.remove(key);
        if (c != null) {
            partitions.put(key, c);
        }
    }

    static int nextEpoch(int epoch) {
        return epoch == Integer.MAX_VALUE ? 1 : epoch + 1;
    }
}
