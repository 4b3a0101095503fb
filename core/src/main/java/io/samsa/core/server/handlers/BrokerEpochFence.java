package io.samsa.core.server.handlers;

import java.util.function.LongSupplier;

/**
 * Fences controller requests meant for an earlier life of this broker (KIP-380): a LeaderAndIsr,
 * UpdateMetadata or StopReplica carrying a broker epoch older than this broker's registration was
 * sent before the broker restarted or re-registered, and must not be applied. An epoch of -1 (old
 * versions, or a controller that does not say) is never stale; a newer one is possible when the
 * controller saw the new registration before this broker heard it was made. Thread-safe.
 */
final class BrokerEpochFence {

    private final LongSupplier currentEpoch;

    BrokerEpochFence(LongSupplier currentEpoch) {
        this.currentEpoch = currentEpoch;
    }

    boolean isStale(long requestEpoch) {
        return requestEpoch != -1L && requestEpoch < currentEpoch.getAsLong();
    }
}
