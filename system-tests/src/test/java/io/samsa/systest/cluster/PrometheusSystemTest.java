package io.samsa.systest.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.samsa.systest.harness.Ports;
import io.samsa.systest.harness.ProcessCluster;
import io.samsa.systest.harness.PrometheusServer;
import io.samsa.testkit.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * A real Prometheus server (Debian's {@code prometheus}) scraping the {@code /metrics} of a
 * three-broker cluster of separate processes every second while a producer writes about 1,000
 * records a second to a topic with replication factor 3, and what it stored, read back through its
 * own query API as a dashboard or an alert reads it: all three targets up; the topic's message rate
 * and the Produce latency quantiles; a group's consumer lag growing after its consumer stops; and,
 * last, after kill -9 of a broker, its target down and the survivors' under-replicated partitions
 * above zero. The tests run in order on one cluster, the load running throughout.
 */
@Tag("system")
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusSystemTest {

    private static final int BROKERS = 3;
    private static final int SESSION_TIMEOUT_MS = 6_000;
    private static final String TOPIC = "load";
    private static final String GROUP = "lagging";
    /** A few scrapes, plus the first target discovery (Prometheus hands targets to its scrapers every 5 s). */
    private static final Duration SCRAPED = Duration.ofSeconds(20);
    private static final int RECORDS_PER_TICK = 10;
    private static final long TICK_MS = 10;
    private static final String PADDING = "x".repeat(100);

    private static ProcessCluster cluster;
    private static PrometheusServer prometheus;
    private static Admin admin;
    private static KafkaProducer<String, String> producer;
    private static ScheduledExecutorService load;
    private static final AtomicLong acked = new AtomicLong();
    private static final AtomicLong failed = new AtomicLong();

    @BeforeAll
    static void startClusterPrometheusAndLoad() {
        try {
            cluster = new ProcessCluster("prometheus", BROKERS, SESSION_TIMEOUT_MS);
            Map<String, String> targets = new LinkedHashMap<>();
            for (int id : cluster.brokerIds()) {
                String address = "127.0.0.1:" + Ports.freePort();
                cluster.setBrokerConfig(id, "metrics.http.listener", "http://" + address);
                targets.put(target(id), address);
            }
            cluster.start();
            prometheus = PrometheusServer.start(cluster.workDir().resolve("prometheus"), targets, Duration.ofSeconds(1));
            admin = ClusterClients.admin(cluster.bootstrapServers());
            ClusterClients.get(admin.createTopics(List.of(new NewTopic(TOPIC, BROKERS, (short) BROKERS))).all());
            Wait.until("every partition of " + TOPIC + " led, with all " + BROKERS + " replicas in sync", Duration.ofSeconds(30), () -> {
                TopicDescription d = ClusterClients.get(admin.describeTopics(List.of(TOPIC)).allTopicNames()).get(TOPIC);
                return d.partitions().stream().allMatch(p -> p.leader() != null && p.isr().size() == BROKERS);
            });
            producer = ClusterClients.producer(cluster.bootstrapServers(), "all");
            load = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "prometheus-test-load"));
            load.scheduleAtFixedRate(PrometheusSystemTest::sendSome, 0, TICK_MS, TimeUnit.MILLISECONDS);
            Wait.until("records acknowledged", Duration.ofSeconds(30), () -> acked.get() > 0);
        } catch (RuntimeException | AssertionError e) {
            stopEverything();
            throw e;
        }
    }

    /** One tick of load; never throws, so that the schedule goes on (a send can fail while a broker is gone). */
    private static void sendSome() {
        for (int i = 0; i < RECORDS_PER_TICK; i++) {
            try {
                producer.send(new ProducerRecord<>(TOPIC, null, PADDING), (md, e) -> (e == null ? acked : failed).incrementAndGet());
            } catch (RuntimeException e) {
                failed.incrementAndGet();
            }
        }
    }

    @AfterAll
    static void stopEverything() {
        if (load != null) {
            load.shutdownNow();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        if (prometheus != null) {
            prometheus.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String target(int id) {
        return "broker-" + id;
    }

    @Test
    @Order(1)
    void prometheusScrapesAllThreeBrokersHealthy() {
        for (int id : cluster.brokerIds()) {
            assertTrue(cluster.brokerLog(id).contains("Serving metrics at http://127.0.0.1:"),
                    "broker " + id + " does not say where it serves metrics; see " + cluster.logFile("broker-" + id));
        }
        Wait.until("three targets healthy in /api/v1/targets and up == 1 for each", SCRAPED, () -> {
            JsonNode targets = prometheus.activeTargets();
            int healthy = 0;
            for (JsonNode t : targets) {
                healthy += "up".equals(t.path("health").asText()) ? 1 : 0;
            }
            return targets.size() == BROKERS && healthy == BROKERS
                    && prometheus.value("sum(up{job=\"samsa\"})").orElse(0) == BROKERS
                    && prometheus.value("count(up{job=\"samsa\"})").orElse(0) == BROKERS;
        });
    }

    @Test
    @Order(2)
    void messageRateAndProduceLatencyMoveUnderLoad() {
        String messagesIn = "sum(rate(kafka_server_brokertopicmetrics_messagesin_total{topic=\"" + TOPIC + "\"}[5s]))";
        double[] rate = {0};
        Wait.until(messagesIn + " > 0", SCRAPED, () -> {
            rate[0] = prometheus.value(messagesIn).orElse(0);
            return rate[0] > 0;
        });
        // Each broker leads one of the three partitions, and Kafka counts messages in on the leader.
        String leadersTakingMessages = "count(rate(kafka_server_brokertopicmetrics_messagesin_total{topic=\"" + TOPIC + "\"}[5s]) > 0)";
        Wait.until(leadersTakingMessages + " == number of leaders", SCRAPED,
                () -> prometheus.value(leadersTakingMessages).orElse(0) == leaders().size());

        String produceRequests = "sum(rate(kafka_network_requestmetrics_totaltimems_count{request=\"Produce\"}[5s]))";
        Wait.until(produceRequests + " > 0", SCRAPED, () -> prometheus.value(produceRequests).orElse(0) > 0);
        String p99 = "kafka_network_requestmetrics_totaltimems{request=\"Produce\",quantile=\"0.99\"}";
        List<Double> latencies = new ArrayList<>();
        Wait.until(p99 + " from every leader, one above 0 ms (acks=all waits for the followers)", SCRAPED, () -> {
            latencies.clear();
            for (JsonNode sample : prometheus.query(p99)) {
                latencies.add(PrometheusServer.sampleValue(sample));
            }
            return latencies.size() >= leaders().size()
                    && latencies.stream().allMatch(v -> Double.isFinite(v) && v >= 0)
                    && latencies.stream().anyMatch(v -> v > 0);
        });
        System.out.printf("messages in: first %.0f/s, now %.0f/s; Produce p99 per broker: %s ms; acknowledged %d, failed %d%n",
                rate[0], prometheus.value(messagesIn).orElse(0), latencies, acked.get(), failed.get());
    }

    @Test
    @Order(3)
    void groupLagGrowsAfterItsConsumerStops() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        long consumed = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long[] count = {0};
            Set<TopicPartition> readFrom = new HashSet<>();
            Wait.until("the consumer reading from all " + BROKERS + " partitions", Duration.ofSeconds(30), () -> {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                count[0] += records.count();
                readFrom.addAll(records.partitions());
                return readFrom.size() == BROKERS && count[0] >= 1_000;
            });
            consumer.commitSync(Duration.ofSeconds(10));
            consumed = count[0];
        }
        Map<TopicPartition, OffsetAndMetadata> committed = ClusterClients.get(admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata());
        assertEquals(BROKERS, committed.size(), "offsets committed by " + GROUP + ": " + committed);
        // The consumer is gone; the producer is not. The coordinator refreshes the gauges every 2 s.
        String lag = "kafka_coordinator_group_consumerlag_lag{group=\"" + GROUP + "\",topic=\"" + TOPIC + "\"}";
        Wait.until("a lag series per partition: " + lag, SCRAPED, () -> {
            JsonNode series = prometheus.query(lag);
            if (series.size() != BROKERS) {
                throw new AssertionError(series.size() + " series: " + series);
            }
            return true;
        });
        double[] first = {0};
        Wait.until("sum(" + lag + ") > 0", SCRAPED, () -> {
            first[0] = prometheus.value("sum(" + lag + ")").orElse(0);
            return first[0] > 0;
        });
        double[] later = {0};
        Wait.until("sum(" + lag + ") above its earlier " + first[0], SCRAPED, () -> {
            later[0] = prometheus.value("sum(" + lag + ")").orElse(0);
            return later[0] > first[0];
        });
        String total = "kafka_coordinator_group_consumerlag_totallag{group=\"" + GROUP + "\"}";
        Wait.until(total + " above " + later[0], SCRAPED, () -> prometheus.value(total).orElse(0) > later[0]);
        System.out.printf("group %s consumed %d records, then stopped; its lag in Prometheus went from %.0f to %.0f%n",
                GROUP, consumed, first[0], later[0]);
    }

    @Test
    @Order(4)
    void killedBrokerIsDownAndTheSurvivorsReportUnderReplicatedPartitions() {
        String urp = "sum(kafka_server_replicamanager_underreplicatedpartitions)";
        Wait.until(urp + " == 0 while all brokers run", SCRAPED, () -> prometheus.value(urp).orElse(-1) == 0);
        int controller = ClusterClients.get(admin.describeCluster().controller()).id();
        int victim = (controller + 1) % BROKERS;

        cluster.kill9(victim);
        String dead = "up{target=\"" + target(victim) + "\"}";
        Wait.until(dead + " == 0", SCRAPED, () -> prometheus.value(dead).orElse(-1) == 0);
        Wait.until("target " + target(victim) + " down in /api/v1/targets", SCRAPED, () -> {
            for (JsonNode t : prometheus.activeTargets()) {
                if (target(victim).equals(t.path("labels").path("target").asText())) {
                    return "down".equals(t.path("health").asText());
                }
            }
            return false;
        });
        String survivorsUrp = "sum(kafka_server_replicamanager_underreplicatedpartitions{target!=\"" + target(victim) + "\"})";
        double[] value = {0};
        // The controller takes the dead broker out of every ISR once it finds it gone (at the latest
        // when its session expires); every partition of the RF=3 topic had a replica there, and the
        // survivors come to lead all three, each with two replicas of three in sync.
        Wait.until(survivorsUrp + " == " + BROKERS + ", one per partition of " + TOPIC, Duration.ofMillis(SESSION_TIMEOUT_MS).plus(SCRAPED),
                () -> {
                    value[0] = prometheus.value(survivorsUrp).orElse(0);
                    return value[0] == BROKERS;
                });
        System.out.printf("after kill -9 of broker %d: under-replicated partitions %.0f, %s == 0%n", victim, value[0], dead);
    }

    /** The brokers leading a partition of the topic now. */
    private static List<Integer> leaders() {
        TopicDescription d = ClusterClients.get(admin.describeTopics(List.of(TOPIC)).allTopicNames()).get(TOPIC);
        List<Integer> leaders = new ArrayList<>();
        for (TopicPartitionInfo p : d.partitions()) {
            if (p.leader() != null && !leaders.contains(p.leader().id())) {
                leaders.add(p.leader().id());
            }
        }
        return leaders;
    }
}
