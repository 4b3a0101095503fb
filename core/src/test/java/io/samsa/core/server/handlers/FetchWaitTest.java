package io.samsa.core.server.handlers;

import io.samsa.common.TopicPartition;
import io.samsa.core.network.BrokerConnection;
import io.samsa.core.test.SamsaCluster;
import io.samsa.protocol.message.FetchRequest;
import io.samsa.protocol.message.FetchResponse;
import io.samsa.testkit.Wait;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When a Fetch waits for {@code min_bytes} and when it must not: a fetch naming no partition (what
 * a Java consumer sends to close its fetch session) is answered at once, while a fetch at the log
 * end waits in the purgatory until an append arrives and is then answered with it. The waits
 * asked for are a minute long, so a broker that waits where it must not shows up as a test that
 * cannot finish in time, not as a timing threshold.
 */
@Tag("integration")
@Timeout(120)
class FetchWaitTest {

    private static final int LONG_WAIT_MS = 60_000;
    @RegisterExtension
    static final SamsaCluster cluster = SamsaCluster.withBrokers(1, Map.of());

    @BeforeAll
    static void start() throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic("waits", 1, (short) 1))).all().get();
        }
        cluster.waitForTopic("waits", 1);
    }

    private static BrokerConnection connect() throws IOException {
        return new BrokerConnection("127.0.0.1", cluster.port(0), "fetch-wait-test", 2 * LONG_WAIT_MS);
    }

    /** A consumer's fetch that wants at least one byte and would wait a minute for it. */
    private static FetchRequest fetch() {
        return new FetchRequest().setMaxWaitMs(LONG_WAIT_MS).setMinBytes(1).setMaxBytes(1 << 20);
    }

    @Test
    void aFetchNamingNoPartitionIsAnsweredWithoutWaiting() throws Exception {
        // The connection gives up long before the fetch's minute of max wait: an answer at all means it was not parked.
        try (BrokerConnection c = new BrokerConnection("127.0.0.1", cluster.port(0), "fetch-wait-test", LONG_WAIT_MS / 6)) {
            for (short version : new short[]{4, 12, 17}) {
                FetchResponse r = c.send(fetch(), version);
                assertEquals(0, r.errorCode());
                assertTrue(r.responses().isEmpty());
            }
        }
    }

    @Test
    void aFetchAtTheLogEndWaitsForAnAppend() throws Exception {
        try (BrokerConnection c = connect()) {
            FetchRequest request = fetch();
            FetchRequest.FetchTopic topic = new FetchRequest.FetchTopic().setTopic("waits");
            topic.partitions().add(new FetchRequest.FetchPartition().setPartition(0).setFetchOffset(0L)
                    .setPartitionMaxBytes(1 << 20));
            request.topics().add(topic);
            CompletableFuture<FetchResponse> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return c.send(request, (short) 12);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Wait.until("the fetch to wait in the purgatory", Duration.ofSeconds(30), () -> cluster.broker(0).replicaManager().waitingFetches(new TopicPartition("waits", 0)) == 1);
            assertFalse(answer.isDone(), "answered before anything was appended");
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>("waits", "v".getBytes())).get();
            }
            FetchResponse r = answer.get(LONG_WAIT_MS / 2, TimeUnit.MILLISECONDS);
            FetchResponse.PartitionData partition = r.responses().get(0).partitions().get(0);
            assertEquals(0, partition.errorCode());
            assertEquals(1L, partition.highWatermark());
        }
    }
}
