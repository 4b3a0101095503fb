package io.samsa.core.server;

import static io.samsa.testkit.Futures.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.core.test.SamsaCluster;
import io.samsa.testkit.Wait;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.ElectionNotNeededException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.tools.LeaderElectionCommand;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ElectLeaders through Kafka 3.9.1's Admin client and its kafka-leader-election tool (in this JVM)
 * against three in-process brokers: a preferred replica that came back leads again once asked, an
 * election that is not needed or names an unknown partition gets Kafka's errors.
 */
@Tag("integration")
@Timeout(180)
class ElectLeadersIntegrationTest {

    @RegisterExtension
    static final SamsaCluster cluster = SamsaCluster.withBrokers(3, Map.of("replica.fetch.wait.max.ms", "100",
            "auto.leader.rebalance.enable", "false"));

    private static Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        return Admin.create(p);
    }

    private static TopicPartitionInfo describe(Admin admin, TopicPartition tp) {
        TopicDescription d = get(admin.describeTopics(List.of(tp.topic())).allTopicNames()).get(tp.topic());
        return d.partitions().get(tp.partition());
    }

    /** Broker 0 stops (its partitions' leadership moves) and comes back into every ISR of the topic. */
    private static void bounceBroker0(Admin admin, String topic, int partitions) throws Exception {
        cluster.stopBroker(0);
        cluster.startBroker(0);
        cluster.waitForBrokersInMetadata();
        for (int p = 0; p < partitions; p++) {
            TopicPartition tp = new TopicPartition(topic, p);
            Wait.until(tp + " has broker 0 in sync", () -> describe(admin, tp).isr().stream().anyMatch(n -> n.id() == 0));
        }
    }

    @Test
    void aPreferredReplicaThatCameBackLeadsAgainOnceAsked() throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic("pref", Map.of(0, List.of(0, 1, 2), 1, List.of(1, 2, 0))))).all().get();
            cluster.waitForTopic("pref", 2);
            TopicPartition p0 = new TopicPartition("pref", 0);
            TopicPartition p1 = new TopicPartition("pref", 1);
            bounceBroker0(admin, "pref", 2);
            assertEquals(1, describe(admin, p0).leader().id(), "leadership moved when broker 0 stopped");

            Map<TopicPartition, Optional<Throwable>> results = admin.electLeaders(ElectionType.PREFERRED, Set.of(p0, p1)).partitions().get();
            assertEquals(Optional.empty(), results.get(p0));
            assertInstanceOf(ElectionNotNeededException.class, results.get(p1).orElseThrow());
            Wait.until("broker 0 leads pref-0 again", () -> describe(admin, p0).leader().id() == 0);

            Map<TopicPartition, Optional<Throwable>> all = admin.electLeaders(ElectionType.PREFERRED, null).partitions().get();
            assertTrue(all.keySet().stream().noneMatch(tp -> tp.topic().equals("pref")),
                    "asked for every partition, those with their preferred leader are left out: " + all);

            TopicPartition unknown = new TopicPartition("no-such-topic", 0);
            Optional<Throwable> unknownResult = admin.electLeaders(ElectionType.PREFERRED, Set.of(unknown)).partitions().get().get(unknown);
            assertInstanceOf(UnknownTopicOrPartitionException.class, unknownResult.orElseThrow());
        }
    }

    @Test
    void kafkaLeaderElectionToolElectsPreferredReplicas() throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic("tooled", Map.of(0, List.of(0, 2, 1))))).all().get();
            cluster.waitForTopic("tooled", 1);
            TopicPartition t0 = new TopicPartition("tooled", 0);
            bounceBroker0(admin, "tooled", 1);

            KafkaToolRun run = KafkaToolRun.run(LeaderElectionCommand::main, "--bootstrap-server", cluster.bootstrapServers(),
                    "--election-type", "preferred", "--topic", "tooled", "--partition", "0");
            assertEquals(0, run.exitCode(), run::output);
            assertEquals(List.of("Successfully completed leader election (PREFERRED) for partitions tooled-0"), run.lines());
            Wait.until("broker 0 leads tooled-0 again", () -> describe(admin, t0).leader().id() == 0);

            KafkaToolRun again = KafkaToolRun.run(LeaderElectionCommand::main, "--bootstrap-server", cluster.bootstrapServers(),
                    "--election-type", "preferred", "--topic", "tooled", "--partition", "0");
            assertEquals(List.of("Valid replica already elected for partitions tooled-0"), again.lines());

            KafkaToolRun unclean = KafkaToolRun.run(LeaderElectionCommand::main, "--bootstrap-server", cluster.bootstrapServers(),
                    "--election-type", "unclean", "--topic", "tooled", "--partition", "0");
            assertEquals(List.of("Valid replica already elected for partitions tooled-0"), unclean.lines(), "it has a live leader");
        }
    }
}
