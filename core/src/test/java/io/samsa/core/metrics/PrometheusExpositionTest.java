package io.samsa.core.metrics;

import com.codahale.metrics.Timer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Names as the Prometheus JMX exporter's kafka-2_0_0.yml rules produce them for Kafka's MBeans
 * (the names existing Kafka dashboards query), in the 0.0.4 text format.
 */
class PrometheusExpositionTest {

    private final BrokerMetrics metrics = new BrokerMetrics();
    private final PrometheusExposition exposition = new PrometheusExposition(metrics.registry());

    private static KafkaMetricName name(String group, String type, String name) {
        return KafkaMetricName.of(group, type, name);
    }

    @Test
    void metersCountAsCountersWithoutPerSecAndTheirOtherKeysAsLabels() {
        metrics.meter(name("kafka.server", "BrokerTopicMetrics", "MessagesInPerSec").withTag("topic", "t")).mark(3);
        metrics.meter(name("kafka.server", "BrokerTopicMetrics", "MessagesInPerSec")).mark(5);
        metrics.meter(name("kafka.network", "RequestMetrics", "RequestsPerSec").withTag("request", "Produce").withTag("version", "9")).mark();
        metrics.meter(name("kafka.server", "ReplicaManager", "IsrShrinksPerSec"));

        assertEquals("""
                # HELP kafka_network_requestmetrics_requests_total Attribute exposed for management kafka.network:name=RequestsPerSec,type=RequestMetrics,attribute=Count
                # TYPE kafka_network_requestmetrics_requests_total counter
                kafka_network_requestmetrics_requests_total{request="Produce",version="9"} 1.0
                # HELP kafka_server_brokertopicmetrics_messagesin_total Attribute exposed for management kafka.server:name=MessagesInPerSec,type=BrokerTopicMetrics,attribute=Count
                # TYPE kafka_server_brokertopicmetrics_messagesin_total counter
                kafka_server_brokertopicmetrics_messagesin_total 5.0
                kafka_server_brokertopicmetrics_messagesin_total{topic="t"} 3.0
                # HELP kafka_server_replicamanager_isrshrinks_total Attribute exposed for management kafka.server:name=IsrShrinksPerSec,type=ReplicaManager,attribute=Count
                # TYPE kafka_server_replicamanager_isrshrinks_total counter
                kafka_server_replicamanager_isrshrinks_total 0.0
                """, exposition.scrape());
    }

    @Test
    void gaugesKeepTheirNameAndUpToTwoKeysAsLabels() {
        metrics.gauge(name("kafka.server", "ReplicaManager", "UnderMinIsrPartitionCount"), () -> 2);
        metrics.gauge(name("kafka.controller", "KafkaController", "ActiveControllerCount"), () -> 1);
        metrics.gauge(name("kafka.log", "Log", "Size").withTag("topic", "t").withTag("partition", "0"), () -> 123L);
        metrics.gauge(name("kafka.server", "DelayedOperationPurgatory", "PurgatorySize").withTag("delayedOperation", "Produce"), () -> 0);

        String text = exposition.scrape();
        assertTrue(text.contains("\n# TYPE kafka_server_replicamanager_underminisrpartitioncount gauge\n"
                + "kafka_server_replicamanager_underminisrpartitioncount 2.0\n"), text);
        assertTrue(text.contains("\nkafka_controller_kafkacontroller_activecontrollercount 1.0\n"), text);
        assertTrue(text.contains("\n# TYPE kafka_log_log_size gauge\nkafka_log_log_size{topic=\"t\",partition=\"0\"} 123.0\n"), text);
        assertTrue(text.contains("\nkafka_server_delayedoperationpurgatory_purgatorysize{delayedOperation=\"Produce\"} 0.0\n"), text);
    }

    @Test
    void histogramsAreSummariesOfCountAndQuantilesWithoutSum() {
        metrics.histogram(name("kafka.network", "RequestMetrics", "TotalTimeMs").withTag("request", "Produce")).update(12);

        assertEquals("""
                # HELP kafka_network_requestmetrics_totaltimems Attribute exposed for management kafka.network:name=TotalTimeMs,type=RequestMetrics,attribute=50thPercentile
                # TYPE kafka_network_requestmetrics_totaltimems gauge
                kafka_network_requestmetrics_totaltimems{request="Produce",quantile="0.50"} 12.0
                kafka_network_requestmetrics_totaltimems{request="Produce",quantile="0.75"} 12.0
                kafka_network_requestmetrics_totaltimems{request="Produce",quantile="0.95"} 12.0
                kafka_network_requestmetrics_totaltimems{request="Produce",quantile="0.98"} 12.0
                kafka_network_requestmetrics_totaltimems{request="Produce",quantile="0.99"} 12.0
                kafka_network_requestmetrics_totaltimems{request="Produce",quantile="0.999"} 12.0
                # HELP kafka_network_requestmetrics_totaltimems_count Attribute exposed for management kafka.network:name=TotalTimeMs,type=RequestMetrics,attribute=Count
                # TYPE kafka_network_requestmetrics_totaltimems_count counter
                kafka_network_requestmetrics_totaltimems_count{request="Produce"} 1.0
                """, exposition.scrape());
    }

    @Test
    void timersReportMillisecondsLikeTheJmxReporter() {
        Timer timer = metrics.registry().timer("kafka.network:type=RequestChannel,name=WaitMs");
        timer.update(3, TimeUnit.MILLISECONDS);
        String text = exposition.scrape();
        assertTrue(text.contains("\nkafka_network_requestchannel_waitms{quantile=\"0.99\"} 3.0\n"), text);
        assertTrue(text.contains("\nkafka_network_requestchannel_waitms_count 1.0\n"), text);
    }

    @Test
    void ratesAndOtherStatisticsAreNotExportedExceptPercentMeanRates() {
        metrics.meter(name("kafka.server", "BrokerTopicMetrics", "BytesInPerSec")).mark(100);
        metrics.meter(name("kafka.server", "KafkaRequestHandlerPool", "RequestHandlerAvgIdlePercent")).mark(1);
        metrics.histogram(name("kafka.network", "RequestMetrics", "LocalTimeMs").withTag("request", "Fetch")).update(1);

        String text = exposition.scrape();
        for (String line : text.split("\n")) {
            if (!line.startsWith("#")) {
                assertFalse(line.contains("rate") || line.contains("_mean") || line.contains("_max") || line.contains("_min")
                        || line.contains("stddev"), line);
            }
        }
        // Kafka's idle-percent meter: MeanRate by the Percent rule, Count by the generic Count rule.
        assertTrue(text.contains("\n# TYPE kafka_server_kafkarequesthandlerpool_requesthandleravgidle_percent gauge\n"), text);
        assertTrue(text.contains("\nkafka_server_kafkarequesthandlerpool_requesthandleravgidlepercent_count 1.0\n"), text);
    }

    @Test
    void labelValuesAreEscapedAndQuotedJmxValuesKeepTheirQuotesAsTheExporterShowsThem() {
        // A client id JMX must quote: the exporter's label value is the quoted text, backslashes and quotes escaped again.
        metrics.meter(name("kafka.server", "FetcherStats", "RequestsPerSec").withTag("clientId", "a,\"b\"")).mark();
        String text = exposition.scrape();
        assertTrue(text.contains("\nkafka_server_fetcherstats_requests_total{clientId=\"\\\"a,\\\\\\\"b\\\\\\\"\\\"\"} 1.0\n"), text);

        StringBuilder sb = new StringBuilder();
        PrometheusExposition.escape(sb, "x\\y\"z\nw", true);
        assertEquals("x\\\\y\\\"z\\nw", sb.toString());
        sb.setLength(0);
        PrometheusExposition.escape(sb, "x\\y\"z\nw", false);
        assertEquals("x\\\\y\"z\\nw", sb.toString());
    }

    @Test
    void familiesAreSortedAndEachDeclaredOnce() {
        for (String topic : List.of("b", "a", "c")) {
            metrics.meter(name("kafka.server", "BrokerTopicMetrics", "BytesOutPerSec").withTag("topic", topic)).mark();
            metrics.meter(name("kafka.server", "BrokerTopicMetrics", "BytesInPerSec").withTag("topic", topic)).mark();
            metrics.gauge(name("kafka.log", "Log", "LogEndOffset").withTag("topic", topic).withTag("partition", "0"), () -> 1L);
        }
        String text = exposition.scrape();
        List<String> types = new ArrayList<>();
        List<String> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                types.add(line.split(" ")[2]);
            } else if (!line.startsWith("#")) {
                samples.add(line);
            }
        }
        assertEquals(List.of("kafka_log_log_logendoffset", "kafka_server_brokertopicmetrics_bytesin_total",
                "kafka_server_brokertopicmetrics_bytesout_total"), types);
        assertEquals(9, samples.size());
        assertEquals("kafka_log_log_logendoffset{topic=\"a\",partition=\"0\"} 1.0", samples.get(0));
        assertEquals(text, exposition.scrape(), "stable from one scrape to the next");
    }

    @Test
    void unreadableGaugesAndNamesNoRuleMatchesAreLeftOut() {
        metrics.gauge(name("kafka.server", "X", "Broken"), () -> {
            throw new IllegalStateException("no");
        });
        metrics.gauge(name("kafka.server", "X", "Text"), () -> "text");
        metrics.gauge(name("kafka.server", "X", "Flag"), () -> true);
        metrics.registry().counter("not-a-jmx-name").inc();
        metrics.meter(name("kafka.server", "X", "Y"));
        assertEquals("""
                # HELP kafka_server_x_flag Attribute exposed for management kafka.server:name=Flag,type=X,attribute=Value
                # TYPE kafka_server_x_flag gauge
                kafka_server_x_flag 1.0
                # HELP kafka_server_x_y_count Attribute exposed for management kafka.server:name=Y,type=X,attribute=Count
                # TYPE kafka_server_x_y_count counter
                kafka_server_x_y_count 0.0
                """, exposition.scrape());
    }

    @Test
    void removedMetricsLeaveTheScrape() {
        KafkaMetricName n = name("kafka.log", "Log", "Size").withTag("topic", "gone").withTag("partition", "0");
        metrics.gauge(n, () -> 1);
        assertTrue(exposition.scrape().contains("topic=\"gone\""));
        metrics.remove(n);
        assertEquals("", exposition.scrape());
    }

    @Test
    void consumerLagKeepsGroupTopicAndPartitionAsLabelsNotInTheName() {
        // The file's kafka.coordinator rule alone would give kafka_coordinator_group_consumerlag_lag_group_billing_topic_orders_partition_2.
        metrics.gauge(name("kafka.coordinator.group", "ConsumerLag", "Lag").withTag("group", "billing").withTag("topic", "orders")
                .withTag("partition", "2"), () -> 7L);
        metrics.gauge(name("kafka.coordinator.group", "ConsumerLag", "TotalLag").withTag("group", "billing"), () -> 9L);
        metrics.gauge(name("kafka.coordinator.group", "GroupMetadataManager", "NumGroupsStable"), () -> 1);
        metrics.meter(name("kafka.coordinator.group", "GroupCoordinator", "CompletedRebalancesPerSec")).mark(2);

        String text = exposition.scrape();
        assertTrue(text.contains("\n# TYPE kafka_coordinator_group_consumerlag_lag gauge\n"
                + "kafka_coordinator_group_consumerlag_lag{group=\"billing\",topic=\"orders\",partition=\"2\"} 7.0\n"), text);
        assertTrue(text.contains("\n# TYPE kafka_coordinator_group_consumerlag_totallag gauge\n"
                + "kafka_coordinator_group_consumerlag_totallag{group=\"billing\"} 9.0\n"), text);
        assertTrue(text.contains("\nkafka_coordinator_group_groupmetadatamanager_numgroupsstable 1.0\n"), text);
        assertTrue(text.contains("\n# TYPE kafka_coordinator_group_groupcoordinator_completedrebalances_total counter\n"
                + "kafka_coordinator_group_groupcoordinator_completedrebalances_total 2.0\n"), text);
        assertEquals(12, text.split("\n").length, "four families, one sample each: " + text);
    }

    @Test
    void rulesNameAsTheExporterDoesForItsOtherShapes() {
        JmxExporterKafkaRules.Naming lag = JmxExporterKafkaRules.name("kafka.server", ordered("type", "FetcherLagMetrics",
                "name", "ConsumerLag", "clientId", "ReplicaFetcherThread-0-1", "topic", "t", "partition", "3"), "Value");
        assertEquals("kafka_server_fetcherlagmetrics_consumerlag", lag.name());
        assertEquals(List.of("clientId", "topic", "partition"), lag.labelNames());
        assertEquals(List.of("ReplicaFetcherThread-0-1", "t", "3"), lag.labelValues());

        JmxExporterKafkaRules.Naming coordinator = JmxExporterKafkaRules.name("kafka.coordinator.group",
                ordered("type", "GroupMetadataManager", "name", "NumGroups"), "Value");
        assertEquals("kafka_coordinator_group_groupmetadatamanager_numgroups", coordinator.name());
        assertNull(JmxExporterKafkaRules.name("kafka.server", ordered("type", "BrokerTopicMetrics", "name", "BytesInPerSec"), "OneMinuteRate"));
        assertEquals("_9lives_a_b", JmxExporterKafkaRules.safeName("9lives-a__b"));
        assertEquals("+Inf", PrometheusExposition.format(Double.POSITIVE_INFINITY));
        assertEquals("NaN", PrometheusExposition.format(Double.NaN));
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
