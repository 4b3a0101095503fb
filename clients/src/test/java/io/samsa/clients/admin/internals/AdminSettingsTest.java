package io.samsa.clients.admin.internals;

import io.samsa.clients.admin.AdminClientConfig;
import io.samsa.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin client's settings: Kafka's defaults and its rule between the two timeouts. */
class AdminSettingsTest {

    private static AdminSettings settings(Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(extra);
        props.put("bootstrap.servers", "127.0.0.1:9092,[::1]:9093");
        return AdminSettings.from(new AdminClientConfig(props));
    }

    @Test
    void kafkasDefaults() {
        AdminSettings s = settings(Map.of());
        assertEquals(2, s.bootstrap().size());
        assertEquals(30_000, s.requestTimeoutMs());
        assertEquals(60_000, s.defaultApiTimeoutMs());
        assertEquals(Integer.MAX_VALUE, s.retries());
        assertEquals(100, s.retryBackoffMs());
        assertEquals(1000, s.retryBackoffMaxMs());
        assertEquals(300_000, s.metadataMaxAgeMs());
        assertEquals(1, s.network().maxInFlightPerConnection());
        assertEquals(50, s.network().reconnectBackoffMs());
        assertEquals(10_000, s.network().socketConnectionSetupTimeoutMs());
    }

    @Test
    void anApiTimeoutBelowTheRequestTimeoutIsRefusedWhenSet() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> settings(Map.of("default.api.timeout.ms", "2000", "request.timeout.ms", "5000")));
        assertTrue(e.getMessage().contains("default.api.timeout.ms"), e.getMessage());
        assertEquals(2000, settings(Map.of("default.api.timeout.ms", "2000", "request.timeout.ms", "1000")).defaultApiTimeoutMs());
    }

    @Test
    void aLongRequestTimeoutRaisesTheDefaultApiTimeout() {
        assertEquals(90_000, settings(Map.of("request.timeout.ms", 90_000)).defaultApiTimeoutMs());
    }

    @Test
    void badValuesNameTheirKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> settings(Map.of("retry.backoff.ms", "soon")));
        assertTrue(e.getMessage().contains("retry.backoff.ms"), e.getMessage());
        assertThrows(ConfigException.class, () -> AdminSettings.from(new AdminClientConfig(Map.of("client.id", "x"))));
    }
}
