package io.samsa.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricNameTest {

    @Test
    void equalityIgnoresTheDescription() {
        MetricName a = new MetricName("record-send-rate", "producer-metrics", "one", Map.of("client-id", "p1"));
        MetricName b = new MetricName("record-send-rate", "producer-metrics", "two", Map.of("client-id", "p1"));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new MetricName("record-send-rate", "producer-metrics", "one", Map.of("client-id", "p2")));
        assertNotEquals(a, new MetricName("record-send-rate", "consumer-metrics", "one", Map.of("client-id", "p1")));
        assertNotEquals(a, new MetricName("record-error-rate", "producer-metrics", "one", Map.of("client-id", "p1")));
    }

    @Test
    void tagsAreCopied() {
        Map<String, String> tags = new HashMap<>(Map.of("client-id", "p1"));
        MetricName name = new MetricName("n", "g", "", tags);
        tags.put("other", "x");
        assertEquals(Map.of("client-id", "p1"), name.tags());
        assertThrows(UnsupportedOperationException.class, () -> name.tags().put("k", "v"));
    }
}
