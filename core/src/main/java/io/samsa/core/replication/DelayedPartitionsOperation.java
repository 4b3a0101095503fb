package io.samsa.core.replication;

import io.samsa.common.TopicPartition;
import io.samsa.core.purgatory.DelayedOperation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A delayed operation over a fixed set of partitions, each waiting for a target offset of its own
 * (a produce for its commit, DeleteRecords for its low watermark): it completes when no partition
 * waits any more, and on timeout answers the waiting ones as {@link #timedOut} says. Thread-safe.
 *
 * @param <R> one partition's result
 */
abstract class DelayedPartitionsOperation<R> extends DelayedOperation {

    /** One partition's target and result; changed only under the operation's check lock. */
    private static final class Status<R> {
        final long target;
        volatile R result;
        volatile boolean waiting;

        Status(long target, R result, boolean waiting) {
            this.target = target;
            this.result = result;
            this.waiting = waiting;
        }
    }

    private final Map<TopicPartition, Status<R>> statuses = new LinkedHashMap<>();
    private final Function<TopicPartition, Partition> partitions;
    private final Consumer<Map<TopicPartition, R>> callback;

    DelayedPartitionsOperation(long timeoutMs, Function<TopicPartition, Partition> partitions, Consumer<Map<TopicPartition, R>> callback) {
        super(timeoutMs);
        this.partitions = partitions;
        this.callback = callback;
    }

    /** Adds a partition (from the constructor only): waiting for {@code target}, or already done with {@code result}. */
    final void track(TopicPartition tp, long target, R result, boolean waiting) {
        statuses.put(tp, new Status<>(target, result, waiting));
    }

    /**
     * Checks a waiting partition ({@code partition} null when this broker no longer hosts it): the
     * result to answer with once it is done, or null while it still waits.
     */
    abstract R check(Partition partition, long target, R current);

    /** The answer for a partition still waiting when the operation timed out. */
    abstract R timedOut(R current);

    @Override
    public final boolean tryComplete() {
        boolean allDone = true;
        for (Map.Entry<TopicPartition, Status<R>> e : statuses.entrySet()) {
            Status<R> s = e.getValue();
            if (!s.waiting) {
                continue;
            }
            R done = check(partitions.apply(e.getKey()), s.target, s.result);
            if (done == null) {
                allDone = false;
            } else {
                s.result = done;
                s.waiting = false;
            }
        }
        return allDone && forceComplete();
    }

    @Override
    protected final void onComplete() {
        Map<TopicPartition, R> results = new LinkedHashMap<>();
        statuses.forEach((tp, s) -> results.put(tp, s.waiting ? timedOut(s.result) : s.result));
        callback.accept(results);
    }
}
