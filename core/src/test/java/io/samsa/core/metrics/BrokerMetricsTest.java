package io.samsa.core.metrics;

import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrokerMetricsTest {

    @Test
    void namesAreKafkasMBeanNamesInKafkasKeyOrder() throws Exception {
        KafkaMetricName n = KafkaMetricName.of("kafka.server", "BrokerTopicMetrics", "MessagesInPerSec").withTag("topic", "t1");
        assertEquals("kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec,topic=t1", n.mBeanName());
        assertEquals(new ObjectName("kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec,topic=t1"), n.objectName());
        assertEquals("kafka.network:type=RequestMetrics,name=ErrorsPerSec,request=Produce,error=NONE",
                KafkaMetricName.of("kafka.network", "RequestMetrics", "ErrorsPerSec").withTag("request", "Produce")
                        .withTag("error", "NONE").mBeanName());
    }

    @Test
    void emptyTagsAreLeftOutAndAwkwardValuesQuoted() {
        KafkaMetricName n = new KafkaMetricName("kafka.server", "T", "N", Map.of("topic", ""));
        assertEquals("kafka.server:type=T,name=N", n.mBeanName());
        assertEquals("kafka.server:type=T,name=N,clientId=\"a,b\"", KafkaMetricName.of("kafka.server", "T", "N")
                .withTag("clientId", "a,b").mBeanName());
        assertEquals("a,b", n.withTag("clientId", "a,b").objectName().getKeyProperty("clientId").transform(ObjectName::unquote));
    }

    @Test
    void metricsAreCreatedOnceAndPublishedUnderKafkasNames() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        KafkaMetricName meterName = KafkaMetricName.of("kafka.server", "BrokerTopicMetrics", "BytesInPerSec").withTag("topic", "t");
        KafkaMetricName gaugeName = KafkaMetricName.of("kafka.server", "ReplicaManager", "PartitionCount");
        KafkaMetricName histogramName = KafkaMetricName.of("kafka.network", "RequestMetrics", "TotalTimeMs").withTag("request", "Fetch");
        try (BrokerMetrics metrics = new BrokerMetrics()) {
            metrics.meter(meterName).mark(3);
            assertSame(metrics.meter(meterName), metrics.meter(meterName));
            metrics.startJmx(server);
            metrics.meter(meterName).mark(2);
            metrics.gauge(gaugeName, () -> 7);
            metrics.histogram(histogramName).update(12);

            assertEquals(5L, server.getAttribute(meterName.objectName(), "Count"));
            assertTrue(server.getAttribute(meterName.objectName(), "OneMinuteRate") instanceof Double);
            assertEquals(7, server.getAttribute(gaugeName.objectName(), "Value"));
            assertEquals(1L, server.getAttribute(histogramName.objectName(), "Count"));
            assertEquals(12.0, (double) server.getAttribute(histogramName.objectName(), "99thPercentile"));

            assertTrue(metrics.remove(meterName));
            assertFalse(server.isRegistered(meterName.objectName()));
        }
        assertFalse(server.isRegistered(gaugeName.objectName()), "closing unpublishes the MBeans");
    }
}
