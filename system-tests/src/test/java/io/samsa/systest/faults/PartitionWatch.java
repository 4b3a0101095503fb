package io.samsa.systest.faults;

import io.samsa.systest.harness.ZkInspector;
import io.samsa.systest.harness.ZkInspector.PartitionState;
import io.samsa.testkit.Wait;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One partition's leader and ISR as the controller records them in ZooKeeper, read directly rather
 * than through any broker's metadata cache: what the fault scenarios wait on (a new leader, the
 * ISR full again) and time. Thread-safe (ZooKeeper reads only).
 */
final class PartitionWatch {

    private final ZkInspector zk;
    private final String topic;
    private final int partition;
    private final Set<Integer> replicas;

    PartitionWatch(ZkInspector zk, String topic, int partition, Set<Integer> replicas) {
        this.zk = zk;
        this.topic = topic;
        this.partition = partition;
        this.replicas = Set.copyOf(replicas);
    }

    PartitionState state() {
        return zk.partitionState(topic, partition)
                .orElseThrow(() -> new AssertionError("no state znode for " + topic + "-" + partition));
    }

    int leader() {
        return state().leader();
    }

    /** A leader elected and every replica in the ISR. */
    private boolean isFull(PartitionState s) {
        return s.leader() >= 0 && Set.copyOf(s.isr()).equals(replicas);
    }

    /** Waits until the state satisfies {@code condition}; returns that state. The last state seen is in the failure. */
    PartitionState await(String what, Duration timeout, Predicate<PartitionState> condition) {
        PartitionState[] last = new PartitionState[1];
        try {
            Wait.until(topic + "-" + partition + ": " + what, timeout, () -> {
                Optional<PartitionState> s = zk.partitionState(topic, partition);
                last[0] = s.orElse(null);
                return s.isPresent() && condition.test(s.get());
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last state " + last[0], e);
        }
        return last[0];
    }

    /** Waits for a live leader other than {@code old}; returns the new state. */
    PartitionState awaitLeaderOtherThan(int old, Duration timeout) {
        return await("a leader other than " + old, timeout, s -> s.leader() >= 0 && s.leader() != old);
    }

    /** Waits until the ISR is full as {@link #isFull} defines it; returns the milliseconds since {@code sinceNanos} (System.nanoTime). */
    long awaitFullIsr(long sinceNanos, Duration timeout) {
        await("a leader and the ISR " + replicas + " full", timeout, this::isFull);
        return (System.nanoTime() - sinceNanos) / 1_000_000;
    }
}
