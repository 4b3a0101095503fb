package io.samsa.core.server;

import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import io.samsa.core.metrics.BrokerMetrics;
import io.samsa.core.metrics.KafkaMetricName;
import io.samsa.zk.SamsaZkClient;
import io.samsa.zk.ZkConnectionListener;

/**
 * Kafka's ZooKeeper client metrics: {@code kafka.server:type=SessionExpireListener} — SessionState
 * (ZooKeeper's name for the handle's state) and the ZooKeeperDisconnectsPerSec,
 * ZooKeeperExpiresPerSec and ZooKeeperSyncConnectsPerSec meters — and
 * {@code kafka.server:type=ZooKeeperClientMetrics,name=ZooKeeperRequestLatencyMs}, each operation's
 * time from call to answer. Thread-safe.
 */
final class ZooKeeperMetrics {

    private static final String GROUP = "kafka.server";
    private static final String SESSION = "SessionExpireListener";
    private static final long NANOS_PER_MS = 1_000_000L;

    private ZooKeeperMetrics() {
    }

    static void register(BrokerMetrics metrics, SamsaZkClient zk) {
        metrics.gauge(KafkaMetricName.of(GROUP, SESSION, "SessionState"), zk::sessionState);
        Meter disconnects = metrics.meter(KafkaMetricName.of(GROUP, SESSION, "ZooKeeperDisconnectsPerSec"));
        Meter expires = metrics.meter(KafkaMetricName.of(GROUP, SESSION, "ZooKeeperExpiresPerSec"));
        Meter connects = metrics.meter(KafkaMetricName.of(GROUP, SESSION, "ZooKeeperSyncConnectsPerSec"));
        zk.addConnectionListener(state -> {
            if (state == ZkConnectionListener.State.SUSPENDED) {
                disconnects.mark();
            } else if (state == ZkConnectionListener.State.LOST) {
                expires.mark();
            } else if (state == ZkConnectionListener.State.CONNECTED || state == ZkConnectionListener.State.RECONNECTED) {
                connects.mark();
            }
        });
        Histogram latency = metrics.histogram(KafkaMetricName.of(GROUP, "ZooKeeperClientMetrics", "ZooKeeperRequestLatencyMs"));
        zk.onRequestLatency(nanos -> latency.update(Math.round((double) nanos / NANOS_PER_MS)));
    }
}
