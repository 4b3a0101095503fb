package io.samsa.core.replication;

import io.samsa.common.Errors;
import io.samsa.core.log.LogOffsetMetadata;
import io.samsa.core.purgatory.DelayedOperation;

import java.util.List;
import java.util.function.Consumer;

/**
 * A fetch that found less than {@code min_bytes} and waits for more, until its {@code max_wait_ms}
 * runs out. Whether enough has arrived is judged from log positions alone — the bytes between
 * where each partition's fetch starts and its high watermark, when both lie in one segment — so a
 * check costs no read; the log is read once, when the fetch completes. A change of leadership or
 * leader epoch, a truncation below the fetch offset or a new segment completes it at once, and the
 * read then tells the client what happened. Thread-safe.
 */
final class DelayedFetch extends DelayedOperation {

    private final FetchParams params;
    private final List<PartitionFetch> partitions;
    /** Where each partition's fetch offset lay at the first read (null entries are never waited on). */
    private final List<LogOffsetMetadata> startOffsets;
    private final ReplicaManager replicaManager;
    private final Consumer<List<ReadResult>> callback;

    DelayedFetch(FetchParams params, List<PartitionFetch> partitions, List<LogOffsetMetadata> startOffsets,
                 ReplicaManager replicaManager, Consumer<List<ReadResult>> callback) {
        super(params.maxWaitMs());
        this.params = params;
        this.partitions = partitions;
        this.startOffsets = startOffsets;
        this.replicaManager = replicaManager;
        this.callback = callback;
    }

    @Override
    public boolean tryComplete() {
        long available = 0;
        for (int i = 0; i < partitions.size(); i++) {
            PartitionFetch fetch = partitions.get(i);
            LogOffsetMetadata start = startOffsets.get(i);
            Partition p = replicaManager.partitionOrNull(fetch.tp());
            if (p == null || !p.isLeader() || p.checkLeaderEpoch(fetch.currentLeaderEpoch()) != Errors.NONE) {
                return forceComplete();
            }
            // A follower waits for the log end to move, a consumer for the high watermark.
            LogOffsetMetadata end = params.isFromFollower() ? p.log().logEndOffsetMetadata() : p.log().highWatermarkMetadata();
            if (start == null || end.messageOffset() == start.messageOffset()) {
                continue;
            }
            if (!start.positionKnown() || !end.positionKnown() || end.onOlderSegment(start) || start.onOlderSegment(end)) {
                // Truncated below the fetch, or the data continues in a newer segment: read now.
                return forceComplete();
            }
            if (start.messageOffset() < end.messageOffset()) {
                available += Math.min(end.positionDiff(start), fetch.maxBytes());
            }
        }
        return available >= params.minBytes() && forceComplete();
    }

    @Override
    protected void onComplete() {
        callback.accept(replicaManager.readFromLocalLog(params, partitions, false));
    }
}
