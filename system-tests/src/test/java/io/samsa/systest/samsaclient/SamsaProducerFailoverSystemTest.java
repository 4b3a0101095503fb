package io.samsa.systest.samsaclient;

import io.samsa.clients.producer.Producer;
import io.samsa.clients.producer.ProducerConfig;
import io.samsa.clients.producer.ProducerRecord;
import io.samsa.clients.producer.SamsaProducer;
import io.samsa.common.serialization.StringSerializer;
import io.samsa.systest.harness.BrokerKind;
import io.samsa.testkit.Wait;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Samsa's idempotent producer (its defaults: acks=all, idempotence, retries within
 * delivery.timeout.ms) writing to a three-broker cluster, replication factor 3 and
 * min.insync.replicas=2, while the partition's leader is killed with SIGKILL: every record is
 * acknowledged, and the log holds each exactly once, in the order sent — read back by
 * kafka-clients' consumer. Against Samsa and against Kafka 3.9.1.
 */
@Tag("system")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SamsaProducerFailoverSystemTest {

    private static final int RECORDS = 20_000;
    private static final String TOPIC = "producer-failover";

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void leaderKilledMidStreamLosesAndDuplicatesNothing(BrokerKind kind) throws Exception {
        try (ClientSuiteDeployment d = new ClientSuiteDeployment(kind, 3, "producer-failover");
             Admin admin = admin(d.bootstrap())) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 3).configs(Map.of("min.insync.replicas", "2")))).all()
                    .get(30, TimeUnit.SECONDS);
            int leader = awaitLeader(admin, -1);

            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, d.bootstrap());
            p.put(ProducerConfig.LINGER_MS_CONFIG, "2");
            p.put(ProducerConfig.BATCH_SIZE_CONFIG, "4096");
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
            AtomicInteger acknowledged = new AtomicInteger();
            ConcurrentLinkedQueue<Exception> failures = new ConcurrentLinkedQueue<>();
            try (Producer<String, String> producer = new SamsaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < RECORDS; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, 0, null, Integer.toString(i)), (m, e) -> {
                        if (e != null) {
                            failures.add(e);
                        } else {
                            acknowledged.incrementAndGet();
                        }
                    });
                    if (i == RECORDS / 3) {
                        Wait.until("a third of the records acknowledged", Duration.ofSeconds(60),
                                () -> acknowledged.get() >= RECORDS / 4);
                        d.broker.kill9(leader);
                    }
                }
                producer.flush();
            }
            assertTrue(failures.isEmpty(), "no record failed: " + failures.stream().limit(3).toList());
            assertEquals(RECORDS, acknowledged.get(), "every record acknowledged");
            awaitLeader(admin, leader);

            List<ConsumerRecord<byte[], byte[]>> read = d.readWithKafkaConsumer(TOPIC, 1, RECORDS);
            List<Integer> values = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r : read) {
                values.add(Integer.parseInt(new String(r.value(), StandardCharsets.UTF_8)));
            }
            assertEquals(RECORDS, values.size(), "each record once");
            for (int i = 0; i < RECORDS; i++) {
                assertEquals(i, values.get(i), "record at offset " + i);
            }
            System.out.printf("%s: leader %d killed; %d records acknowledged and read back once each, in order%n",
                    kind.label(), leader, RECORDS);
        }
    }

    /** The partition's leader once it is not {@code notThis} (-1: any). */
    private static int awaitLeader(Admin admin, int notThis) {
        int[] leader = {-1};
        Wait.until("a leader for " + TOPIC + " other than " + notThis, Duration.ofSeconds(60), () -> {
            try {
                TopicDescription t = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
                Node l = t.partitions().get(0).leader();
                if (l == null || l.isEmpty() || l.id() == notThis) {
                    return false;
                }
                leader[0] = l.id();
                return true;
            } catch (Exception e) {
                return false;
            }
        });
        return leader[0];
    }

    private static Admin admin(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(p);
    }
}
