package io.samsa.clients.internals;

import io.samsa.common.MockTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reporter publishes a registry under Kafka's MBean names, live, and cleans up after itself. */
class ClientJmxReporterTest {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final MockTime time = new MockTime();
    private final List<ClientJmxReporter> reporters = new ArrayList<>();

    @AfterEach
    void closeReporters() {
        reporters.forEach(ClientJmxReporter::close);
    }

    private ClientJmxReporter start(ClientMetricRegistry registry, String clientId) {
        ClientJmxReporter r = ClientJmxReporter.start(registry, "kafka.producer", clientId, 1234L);
        reporters.add(r);
        return r;
    }

    private Set<String> attributes(ObjectName name) throws Exception {
        Set<String> out = new TreeSet<>();
        for (MBeanAttributeInfo a : server.getMBeanInfo(name).getAttributes()) {
            out.add(a.getName());
        }
        return out;
    }

    @Test
    void metricsAreAttributesOfOneBeanPerGroupAndTagsReadLive() throws Exception {
        ClientMetricRegistry registry = new ClientMetricRegistry();
        ClientMetricSet client = new ClientMetricSet(registry, "producer-metrics", Map.of("client-id", "jmx-r1"), time);
        ClientMetricSet.Sensor sends = client.sensor().total("record-send-total", "").max("batch-size-max", "");
        start(registry, "jmx-r1");
        ObjectName clientBean = new ObjectName("kafka.producer:type=producer-metrics,client-id=jmx-r1");
        assertEquals(Set.of("batch-size-max", "record-send-total"), attributes(clientBean));
        assertEquals(0.0, server.getAttribute(clientBean, "record-send-total"));
        sends.record(7);
        assertEquals(7.0, server.getAttribute(clientBean, "record-send-total"), "read when asked, not when registered");

        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("client-id", "jmx-r1");
        tags.put("topic", "orders");
        ClientMetricSet topic = new ClientMetricSet(registry, "producer-topic-metrics", tags, time);
        topic.sensor().total("byte-total", "").record(100);
        ObjectName topicBean = new ObjectName("kafka.producer:type=producer-topic-metrics,client-id=jmx-r1,topic=orders");
        assertEquals(100.0, server.getAttribute(topicBean, "byte-total"), "a metric added later appears at once");
        assertEquals("type=producer-topic-metrics,client-id=jmx-r1,topic=orders",
                server.queryNames(topicBean, null).iterator().next().getKeyPropertyListString(), "Kafka's key order");

        client.gauge("buffer-total-bytes", "", () -> 1.0);
        assertEquals(Set.of("batch-size-max", "buffer-total-bytes", "record-send-total"), attributes(clientBean));

        topic.removeAll();
        assertFalse(server.isRegistered(topicBean), "a bean whose metrics are all gone is unregistered");
        assertTrue(server.isRegistered(clientBean));
    }

    @Test
    void closeUnregistersEverythingIncludingAppInfo() throws Exception {
        ClientMetricRegistry registry = new ClientMetricRegistry();
        new ClientMetricSet(registry, "producer-metrics", Map.of("client-id", "jmx-r2"), time).gauge("x", "", () -> 1.0);
        ClientJmxReporter.addAppInfoMetrics(registry, "jmx-r2", 1234L);
        ClientJmxReporter reporter = start(registry, "jmx-r2");
        ObjectName appInfo = new ObjectName("kafka.producer:type=app-info,id=jmx-r2");
        assertEquals(ClientVersion.VERSION, server.getAttribute(appInfo, "Version"));
        assertEquals("unknown", server.getAttribute(appInfo, "CommitId"));
        assertEquals(1234L, server.getAttribute(appInfo, "StartTimeMs"));
        ObjectName appInfoMetrics = new ObjectName("kafka.producer:type=app-info,client-id=jmx-r2");
        assertEquals(Set.of("commit-id", "start-time-ms", "version"), attributes(appInfoMetrics));
        assertEquals(ClientVersion.VERSION, server.getAttribute(appInfoMetrics, "version"));

        reporter.close();
        assertEquals(Set.of(), server.queryNames(new ObjectName("kafka.producer:*,client-id=jmx-r2"), null));
        assertFalse(server.isRegistered(appInfo));
        new ClientMetricSet(registry, "producer-metrics", Map.of("client-id", "jmx-r2"), time).gauge("y", "", () -> 1.0);
        assertEquals(Set.of(), server.queryNames(new ObjectName("kafka.producer:*,client-id=jmx-r2"), null),
                "nothing is published after close");
    }

    @Test
    void aSecondClientWithTheSameIdDoesNotFailAndTheFirstKeepsItsBeans() throws Exception {
        ClientMetricRegistry first = new ClientMetricRegistry();
        new ClientMetricSet(first, "producer-metrics", Map.of("client-id", "jmx-dup"), time).gauge("x", "", () -> 1.0);
        ClientMetricRegistry second = new ClientMetricRegistry();
        new ClientMetricSet(second, "producer-metrics", Map.of("client-id", "jmx-dup"), time).gauge("x", "", () -> 2.0);
        start(first, "jmx-dup");
        ClientJmxReporter secondReporter = start(second, "jmx-dup");
        ObjectName bean = new ObjectName("kafka.producer:type=producer-metrics,client-id=jmx-dup");
        assertEquals(1.0, server.getAttribute(bean, "x"));
        new ClientMetricSet(second, "producer-metrics", Map.of("client-id", "jmx-dup"), time).gauge("z", "", () -> 2.0);
        assertEquals(Set.of("x"), attributes(bean), "the second client's metrics do not reach the first's bean");
        secondReporter.close();
        assertEquals(1.0, server.getAttribute(bean, "x"), "closing the second leaves the first's beans");
        assertTrue(server.isRegistered(new ObjectName("kafka.producer:type=app-info,id=jmx-dup")));
    }

    @Test
    void tagValuesJmxCannotTakeAreQuotedAsKafkaQuotesThem() throws Exception {
        ClientMetricRegistry registry = new ClientMetricRegistry();
        new ClientMetricSet(registry, "producer-metrics", Map.of("client-id", "a:b,c=d"), time).gauge("x", "", () -> 3.0);
        start(registry, "a:b,c=d");
        ObjectName bean = new ObjectName("kafka.producer:type=producer-metrics,client-id=" + ObjectName.quote("a:b,c=d"));
        assertEquals(3.0, server.getAttribute(bean, "x"));
        assertEquals("kafka.producer:type=producer-metrics,client-id=my-client_1.x",
                ClientJmxReporter.mbeanName("kafka.producer", new io.samsa.common.MetricName("m", "producer-metrics", "",
                        Map.of("client-id", "my-client_1.x"))));
        assertTrue(Arrays.asList(server.getMBeanInfo(bean).getAttributes()).stream()
                .allMatch(a -> a.getType().equals("double")), "Kafka declares every attribute a double");
    }
}
