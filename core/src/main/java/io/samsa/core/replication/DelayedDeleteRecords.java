package io.samsa.core.replication;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * DeleteRecords waiting until every replica of each partition has moved its log start past the
 * requested offset — the partition's low watermark — or its timeout runs out (REQUEST_TIMED_OUT).
 * Thread-safe.
 */
final class DelayedDeleteRecords extends DelayedPartitionsOperation<DeleteRecordsResult> {

    /**
     * @param local each partition's outcome on the leader: an error, or NONE with the offset its log
     *              now starts at, which every replica must reach
     */
    DelayedDeleteRecords(long timeoutMs, Map<TopicPartition, DeleteRecordsResult> local,
                         Function<TopicPartition, Partition> partitions, Consumer<Map<TopicPartition, DeleteRecordsResult>> callback) {
        super(timeoutMs, partitions, callback);
        local.forEach((tp, r) -> track(tp, r.lowWatermark(), r, r.error() == Errors.NONE));
    }

    @Override
    DeleteRecordsResult check(Partition partition, long requestedOffset, DeleteRecordsResult local) {
        if (partition == null || !partition.isLeader()) {
            return DeleteRecordsResult.error(Errors.NOT_LEADER_OR_FOLLOWER);
        }
        long lowWatermark = partition.lowWatermarkIfLeader();
        return lowWatermark >= requestedOffset ? new DeleteRecordsResult(Errors.NONE, lowWatermark) : null;
    }

    @Override
    DeleteRecordsResult timedOut(DeleteRecordsResult local) {
        return DeleteRecordsResult.error(Errors.REQUEST_TIMED_OUT);
    }
}
