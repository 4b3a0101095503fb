package io.samsa.core.replication;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.core.purgatory.DelayedOperation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * DeleteRecords waiting until every replica of each partition has moved its log start past the
 * requested offset — the partition's low watermark — or its timeout runs out (REQUEST_TIMED_OUT).
 * Thread-safe.
 */
final class DelayedDeleteRecords extends DelayedOperation {

    /** One partition's request and outcome; changed only under the operation's check lock. */
    private static final class Status {
        final long requestedOffset;
        volatile DeleteRecordsResult result;
        volatile boolean waiting;

        Status(long requestedOffset, DeleteRecordsResult result) {
            this.requestedOffset = requestedOffset;
            this.result = result;
            this.waiting = result.error() == Errors.NONE;
        }
    }

    private final Map<TopicPartition, Status> statuses = new LinkedHashMap<>();
    private final Function<TopicPartition, Partition> partitions;
    private final Consumer<Map<TopicPartition, DeleteRecordsResult>> callback;

    /**
     * @param local each partition's outcome on the leader: an error, or NONE with the offset its log
     *              now starts at, which every replica must reach
     */
    DelayedDeleteRecords(long timeoutMs, Map<TopicPartition, DeleteRecordsResult> local,
                         Function<TopicPartition, Partition> partitions, Consumer<Map<TopicPartition, DeleteRecordsResult>> callback) {
        super(timeoutMs);
        local.forEach((tp, r) -> statuses.put(tp, new Status(r.lowWatermark(), r)));
        this.partitions = partitions;
        this.callback = callback;
    }

    @Override
    public boolean tryComplete() {
        boolean allDone = true;
        for (Map.Entry<TopicPartition, Status> e : statuses.entrySet()) {
            Status s = e.getValue();
            if (!s.waiting) {
                continue;
            }
            Partition p = partitions.apply(e.getKey());
            if (p == null || !p.isLeader()) {
                s.result = DeleteRecordsResult.error(Errors.NOT_LEADER_OR_FOLLOWER);
                s.waiting = false;
                continue;
            }
            long lowWatermark = p.lowWatermarkIfLeader();
            if (lowWatermark >= s.requestedOffset) {
                s.result = new DeleteRecordsResult(Errors.NONE, lowWatermark);
                s.waiting = false;
            } else {
                allDone = false;
            }
        }
        return allDone && forceComplete();
    }

    @Override
    protected void onComplete() {
        Map<TopicPartition, DeleteRecordsResult> results = new LinkedHashMap<>();
        statuses.forEach((tp, s) -> results.put(tp, s.waiting ? DeleteRecordsResult.error(Errors.REQUEST_TIMED_OUT) : s.result));
        callback.accept(results);
    }
}
