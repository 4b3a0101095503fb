package io.samsa.core.replication;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.core.purgatory.DelayedOperation;

import java.util.LinkedHashMap;
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
final class DelayedProduce extends DelayedOperation {

    /** One partition's append and whether it still waits; changed only under the operation's check lock. */
    private static final class Status {
        final long requiredOffset;
        volatile boolean waiting;
        volatile AppendResult result;

        Status(AppendResult result) {
            this.result = result;
            this.waiting = result.error() == Errors.NONE;
            this.requiredOffset = result.lastOffset() + 1;
        }
    }

    private final Map<TopicPartition, Status> statuses = new LinkedHashMap<>();
    private final Function<TopicPartition, Partition> partitions;
    private final Consumer<Map<TopicPartition, AppendResult>> callback;

    DelayedProduce(long timeoutMs, Map<TopicPartition, AppendResult> appended, Function<TopicPartition, Partition> partitions,
                   Consumer<Map<TopicPartition, AppendResult>> callback) {
        super(timeoutMs);
        appended.forEach((tp, r) -> statuses.put(tp, new Status(r)));
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
            Partition.ReplicationCheck check = p == null
                    ? new Partition.ReplicationCheck(false, Errors.NOT_LEADER_OR_FOLLOWER)
                    : p.checkEnoughReplicasReachOffset(s.requiredOffset);
            if (check.error() != Errors.NONE) {
                s.result = s.result.withError(check.error(), null);
                s.waiting = false;
            } else if (check.reached()) {
                s.waiting = false;
            } else {
                allDone = false;
            }
        }
        return allDone && forceComplete();
    }

    @Override
    protected void onComplete() {
        Map<TopicPartition, AppendResult> results = new LinkedHashMap<>();
        statuses.forEach((tp, s) -> results.put(tp, s.waiting
                ? s.result.withError(Errors.REQUEST_TIMED_OUT, "Not replicated to the in-sync replicas in time")
                : s.result));
        callback.accept(results);
    }
}
