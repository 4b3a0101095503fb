package io.samsa.core.server;

import io.samsa.common.TopicPartition;
import io.samsa.core.metrics.Readiness;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * When a broker is ready for traffic ({@code /health/ready}): its startup is done (logs loaded
 * and recovered, listeners bound), it is registered in ZooKeeper (so the controller gives it
 * partitions and clients find it), it is not shutting down, and no partition it leads is under
 * {@code min.insync.replicas} (there, {@code acks=all} producers fail with NOT_ENOUGH_REPLICAS).
 * Not ready comes with the first reason that applies. Thread-safe: each check reads its state anew.
 */
final class BrokerReadiness implements Supplier<Readiness> {

    /** Partitions named in a reason; the rest are counted. */
    private static final int NAMED_PARTITIONS = 5;

    private final BooleanSupplier shuttingDown;
    private final BooleanSupplier started;
    private final BooleanSupplier registered;
    private final Supplier<List<TopicPartition>> underMinIsr;

    /**
     * @param underMinIsr the partitions this broker leads that are under min.insync.replicas (read only once started)
     */
    BrokerReadiness(BooleanSupplier shuttingDown, BooleanSupplier started, BooleanSupplier registered,
                    Supplier<List<TopicPartition>> underMinIsr) {
        this.shuttingDown = shuttingDown;
        this.started = started;
        this.registered = registered;
        this.underMinIsr = underMinIsr;
    }

    @Override
    public Readiness get() {
        if (shuttingDown.getAsBoolean()) {
            return Readiness.notReady("shutting down");
        }
        if (!started.getAsBoolean()) {
            return Readiness.notReady("starting up");
        }
        if (!registered.getAsBoolean()) {
            return Readiness.notReady("not registered in ZooKeeper");
        }
        List<TopicPartition> under = underMinIsr.get();
        if (!under.isEmpty()) {
            StringBuilder reason = new StringBuilder().append(under.size())
                    .append(under.size() == 1 ? " partition" : " partitions").append(" led here under min.insync.replicas: ");
            for (int i = 0; i < Math.min(under.size(), NAMED_PARTITIONS); i++) {
                reason.append(i == 0 ? "" : ", ").append(under.get(i));
            }
            if (under.size() > NAMED_PARTITIONS) {
                reason.append(", ...");
            }
            return Readiness.notReady(reason.toString());
        }
        return Readiness.READY;
    }
}
