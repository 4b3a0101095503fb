package io.samsa.core.server;

import static io.samsa.testkit.Futures.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import io.samsa.core.replication.Partition;
import io.samsa.core.test.SamsaCluster;
import io.samsa.testkit.TempDirs;
import io.samsa.testkit.Wait;
import io.samsa.zk.SamsaZkClient;
import io.samsa.zk.ZkClientSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.tools.reassign.ReassignPartitionsCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Apache Kafka's own kafka-reassign-partitions tool ({@code ReassignPartitionsCommand} 3.9.1, in
 * this JVM with its exit trapped) against four in-process brokers: --execute starts the moves the
 * JSON file asks for and --verify reports them completed (then clears the throttles, as it does
 * after every completed reassignment); --list shows a move in progress and --cancel reverts it.
 */
@Tag("integration")
@Timeout(180)
class ReassignPartitionsToolTest {

    @RegisterExtension
    static final SamsaCluster cluster = SamsaCluster.withBrokers(4, Map.of("replica.fetch.wait.max.ms", "100"));

    private static KafkaToolRun reassignPartitions(String... args) {
        return KafkaToolRun.run(ReassignPartitionsCommand::main, args);
    }

    private static List<Integer> replicas(Admin admin, String topic, int partition) {
        List<Integer> ids = new ArrayList<>();
        get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().get(partition).replicas()
                .forEach(n -> ids.add(n.id()));
        return ids;
    }

    @AfterEach
    void restartStoppedBrokers() throws Exception {
        for (int id = 0; id < cluster.size(); id++) {
            if (!cluster.broker(id).isStarted()) {
                cluster.startBroker(id);
            }
        }
        cluster.waitForBrokersInMetadata();
    }

    @Test
    void executeStartsTheMovesAndVerifyReportsThemCompleted() throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic("tooled", Map.of(0, List.of(0, 1), 1, List.of(1, 2))))).all().get();
            cluster.waitForTopic("tooled", 2);
            Properties pp = new Properties();
            pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
            pp.put(ProducerConfig.ACKS_CONFIG, "all");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 200; i++) {
                    producer.send(new ProducerRecord<>("tooled", i % 2, "k" + i, "v" + i));
                }
                producer.flush();
            }

            Path json = TempDirs.create("reassign-tool-").resolve("reassignment.json");
            Files.writeString(json, "{\"version\":1,\"partitions\":["
                    + "{\"topic\":\"tooled\",\"partition\":0,\"replicas\":[2,3]},"
                    + "{\"topic\":\"tooled\",\"partition\":1,\"replicas\":[3,1]}]}");
            String bootstrap = cluster.bootstrapServers();

            KafkaToolRun execute = reassignPartitions("--bootstrap-server", bootstrap, "--reassignment-json-file", json.toString(), "--execute");
            assertEquals(0, execute.exitCode(), execute::output);
            assertTrue(execute.lines().contains("Current partition replica assignment"), execute::output);
            assertTrue(execute.lines().contains("{\"version\":1,\"partitions\":["
                    + "{\"topic\":\"tooled\",\"partition\":0,\"replicas\":[0,1],\"log_dirs\":[\"any\",\"any\"]},"
                    + "{\"topic\":\"tooled\",\"partition\":1,\"replicas\":[1,2],\"log_dirs\":[\"any\",\"any\"]}]}"), execute::output);
            assertTrue(execute.lines().contains("Successfully started partition reassignments for tooled-0,tooled-1"), execute::output);

            List<KafkaToolRun> verified = new ArrayList<>();
            Wait.until("--verify reports both partitions completed", Duration.ofSeconds(60), () -> {
                KafkaToolRun verify = reassignPartitions("--bootstrap-server", bootstrap, "--reassignment-json-file", json.toString(), "--verify");
                verified.add(verify);
                // A failed check (not a bare false) so that a timeout shows the tool's last output.
                assertTrue(verify.exitCode() == 0 && verify.lines().contains("Reassignment of partition tooled-0 is completed.")
                        && verify.lines().contains("Reassignment of partition tooled-1 is completed."), verify::output);
                return true;
            });
            KafkaToolRun done = verified.get(verified.size() - 1);
            assertEquals("Status of partition reassignment:", done.lines().get(0), done::output);
            assertTrue(done.lines().contains("Clearing broker-level throttles on brokers 0,1,2,3"), done::output);
            assertTrue(done.lines().contains("Clearing topic-level throttles on topic tooled"), done::output);

            assertEquals(List.of(2, 3), replicas(admin, "tooled", 0));
            assertEquals(List.of(3, 1), replicas(admin, "tooled", 1));
            assertEquals(Map.of(), admin.listPartitionReassignments().reassignments().get());
        }
        // The moved replicas hold the records written before the move.
        for (int[] move : new int[][] {{0, 2}, {0, 3}, {1, 3}, {1, 1}}) {
            TopicPartition tp = new TopicPartition("tooled", move[0]);
            Wait.until(tp + " replicated to broker " + move[1], () -> {
                Optional<Partition> replica = cluster.broker(move[1]).replicaManager().partition(tp);
                return replica.isPresent() && replica.get().log().logEndOffset() == 100;
            });
        }
    }

    @Test
    void listShowsAMoveInProgressAndCancelRevertsIt() throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (Admin admin = Admin.create(p);
             SamsaZkClient zk = SamsaZkClient.connect(new ZkClientSettings(cluster.zkConnect(), 6000, 6000), Time.SYSTEM)) {
            admin.createTopics(List.of(new NewTopic("held", Map.of(0, List.of(0, 1))))).all().get();
            cluster.waitForTopic("held", 1);
            // With its target broker down the move stays in progress. The tool would refuse a dead
            // broker, so the request goes through the legacy znode, which Kafka's controller honours.
            cluster.stopBroker(3);
            Wait.until("the cluster without broker 3", () -> get(admin.describeCluster().nodes()).stream().noneMatch(n -> n.id() == 3));
            assertTrue(zk.reassignments().create(Map.of(new TopicPartition("held", 0), List.of(3, 1))));
            String bootstrap = cluster.bootstrapServers();

            Wait.until("--list shows the move", () -> {
                KafkaToolRun list = reassignPartitions("--bootstrap-server", bootstrap, "--list");
                assertEquals(List.of("Current partition reassignments:", "held-0: replicas: 3,1,0. adding: 3. removing: 0."),
                        list.lines(), list::output);
                return true;
            });

            Path json = TempDirs.create("reassign-tool-").resolve("held.json");
            Files.writeString(json, "{\"version\":1,\"partitions\":[{\"topic\":\"held\",\"partition\":0,\"replicas\":[3,1]}]}");
            // Clearing throttles would write a config to every broker the file names, and broker 3
            // is down (the tool would time out against Kafka too): keep them.
            KafkaToolRun cancel = reassignPartitions("--bootstrap-server", bootstrap, "--reassignment-json-file", json.toString(), "--cancel",
                    "--preserve-throttles");
            assertEquals(0, cancel.exitCode(), cancel::output);
            assertTrue(cancel.lines().contains("Successfully cancelled partition reassignment for: held-0"), cancel::output);

            KafkaToolRun after = reassignPartitions("--bootstrap-server", bootstrap, "--list");
            assertEquals(List.of("No partition reassignments found."), after.lines(), after::output);
            // The original replicas, in the order a cancellation can recover (Kafka's caveat).
            Wait.until("the original replicas are back", () -> replicas(admin, "held", 0).equals(List.of(1, 0)));
        }
    }
}
