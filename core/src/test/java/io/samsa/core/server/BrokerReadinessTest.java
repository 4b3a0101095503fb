package io.samsa.core.server;

import io.samsa.common.TopicPartition;
import io.samsa.common.config.ConfigException;
import io.samsa.core.metrics.MetricsHttpListener;
import io.samsa.core.metrics.Readiness;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrokerReadinessTest {

    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean registered = new AtomicBoolean();
    private final AtomicReference<List<TopicPartition>> underMinIsr = new AtomicReference<>(List.of());
    private final BrokerReadiness readiness = new BrokerReadiness(shuttingDown::get, started::get, registered::get, underMinIsr::get);

    @Test
    void readyOnceStartedRegisteredAndNoLedPartitionIsUnderMinIsr() {
        assertEquals(Readiness.notReady("starting up"), readiness.get());
        started.set(true);
        assertEquals(Readiness.notReady("not registered in ZooKeeper"), readiness.get());
        registered.set(true);
        assertEquals(Readiness.READY, readiness.get());

        underMinIsr.set(List.of(new TopicPartition("orders", 2)));
        assertEquals(Readiness.notReady("1 partition led here under min.insync.replicas: orders-2"), readiness.get());
        underMinIsr.set(IntStream.range(0, 7).mapToObj(p -> new TopicPartition("t", p)).toList());
        assertEquals(Readiness.notReady("7 partitions led here under min.insync.replicas: t-0, t-1, t-2, t-3, t-4, ..."), readiness.get());

        underMinIsr.set(List.of());
        registered.set(false);
        assertEquals(Readiness.notReady("not registered in ZooKeeper"), readiness.get(), "a lost session makes it unready again");
        shuttingDown.set(true);
        assertEquals(Readiness.notReady("shutting down"), readiness.get());
    }

    private static BrokerConfig config(String listener) {
        Map<String, String> props = new HashMap<>();
        props.put(BrokerConfig.ZOOKEEPER_CONNECT, "localhost:2181");
        props.put(BrokerConfig.BROKER_ID, "0");
        if (listener != null) {
            props.put(BrokerConfig.METRICS_HTTP_LISTENER, listener);
        }
        return new BrokerConfig(props);
    }

    @Test
    void theMetricsListenerIsOffUnlessSetAndAnInvalidOneIsRefusedNamingTheKey() {
        assertEquals(Optional.empty(), config(null).metricsHttpListener());
        assertEquals(Optional.empty(), config("").metricsHttpListener());
        assertEquals(Optional.of(new MetricsHttpListener("localhost", 9404)), config("http://localhost:9404").metricsHttpListener());
        for (String bad : List.of("localhost:9404", "http://localhost", "http://localhost:99999", "https://localhost:9404")) {
            ConfigException e = assertThrows(ConfigException.class, () -> config(bad), bad);
            assertTrue(e.getMessage().contains("metrics.http.listener") && e.getMessage().contains(bad), e.getMessage());
        }
    }
}
