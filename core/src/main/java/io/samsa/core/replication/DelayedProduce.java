package io.samsa.core.replication;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A produce with {@code acks=all}, appended on the leader and waiting until every partition it
 * wrote to is committed — the high watermark has passed its last offset — or its timeout runs out
 * (REQUEST_TIMED_OUT for the partitions still waiting). A partition whose leadership moved answers
 * NOT_LEADER_OR_FOLLOWER; one committed while its ISR shrank below {@code min.insync.replicas},
 * NOT_ENOUGH_REPLICAS_AFTER_APPEND. Thread-safe.
 */
final class DelayedProduce extends DelayedPartitionsOperation<AppendResult> {

    DelayedProduce(long timeoutMs, Map<TopicPartition, AppendResult> appended, Function<TopicPartition, Partition> partitions,
                   Consumer<Map<TopicPartition, AppendResult>> callback) {
        super(timeoutMs, partitions, callback);
        appended.forEach((tp, r) -> track(tp, r.lastOffset() + 1, r, r.error() == Errors.NONE));
    }

    @Override
    AppendResult check(Partition partition, long requiredOffset, AppendResult appended) {
        if (partition == null) {
            return appended.withError(Errors.NOT_LEADER_OR_FOLLOWER, null);
        }
        Partition.ReplicationCheck check = partition.checkEnoughReplicasReachOffset(requiredOffset);
        if (check.error() != Errors.NONE) {
            return appended.withError(check.error(), null);
        }
        return check.reached() ? appended : null;
    }

    @Override
    AppendResult timedOut(AppendResult appended) {
        return appended.withError(Errors.REQUEST_TIMED_OUT, "Not replicated to the in-sync replicas in time");
    }
}
