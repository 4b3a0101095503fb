package io.samsa.systest.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.systest.harness.CommandResult;
import io.samsa.systest.harness.ExternalCommand;
import io.samsa.systest.harness.JavaCommand;
import io.samsa.testkit.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Groups through other clients' tools: kcat's balanced consumer mode ({@code -G}), and Apache
 * Kafka's own kafka-consumer-groups tool (ConsumerGroupCommand 3.9.1, in its own JVM) listing and
 * describing a group with its lag and resetting its offsets.
 */
@Tag("system")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class GroupToolsSystemTest {

    @RegisterExtension
    static final SharedBroker SHARED = new SharedBroker("group-tools");

    private static void produce(String topic, int partitions, int perPartition) throws Exception {
        try (KafkaProducer<String, String> producer = ClientConfigs.producer(SHARED.broker(), "all", "none", 0)) {
            for (int p = 0; p < partitions; p++) {
                for (int i = 0; i < perPartition; i++) {
                    producer.send(new ProducerRecord<>(topic, p, "k" + i, "p" + p + "-" + i)).get();
                }
            }
        }
    }

    @Test
    void kcatBalancedConsumerReadsEverythingAndCommits() throws Exception {
        Topics.create(SHARED.admin(), "kcat-group", 2);
        produce("kcat-group", 2, 10);
        CommandResult r = ExternalCommand.run(List.of("kcat", "-b", SHARED.broker().bootstrapServers(), "-G", "kcat-grp",
                "-X", "auto.offset.reset=earliest", "-c", "20", "-q", "-f", "%p|%o|%s\\n", "kcat-group"), null, Duration.ofSeconds(90));
        r.assertSuccess();
        Set<String> seen = new HashSet<>(r.stdoutLines());
        Set<String> expected = new HashSet<>();
        for (int p = 0; p < 2; p++) {
            for (int i = 0; i < 10; i++) {
                expected.add(p + "|" + i + "|p" + p + "-" + i);
            }
        }
        assertEquals(expected, seen, r::describe);
        Wait.until("kcat's commits visible", Duration.ofSeconds(30), () -> {
            Map<TopicPartition, OffsetAndMetadata> committed = Topics.get(
                    SHARED.admin().listConsumerGroupOffsets("kcat-grp").partitionsToOffsetAndMetadata());
            return committed.size() == 2 && committed.values().stream().allMatch(o -> o.offset() == 10);
        });
    }

    @Test
    void kafkaConsumerGroupsToolListsDescribesAndResets() throws Exception {
        Topics.create(SHARED.admin(), "tool-group-topic", 2);
        produce("tool-group-topic", 2, 10);
        // A group that has committed 4 of partition 0's 10 records and 7 of partition 1's.
        SHARED.admin().alterConsumerGroupOffsets("tool-grp", Map.of(
                new TopicPartition("tool-group-topic", 0), new OffsetAndMetadata(4),
                new TopicPartition("tool-group-topic", 1), new OffsetAndMetadata(7))).all().get();
        Wait.until("the group listed", Duration.ofSeconds(30), () -> Topics.get(SHARED.admin().listConsumerGroups().all())
                .stream().map(ConsumerGroupListing::groupId).anyMatch("tool-grp"::equals));

        List<String> listed = groups("--list").assertSuccess().stdoutLines();
        assertTrue(listed.contains("tool-grp"), listed::toString);

        List<String[]> rows = table(groups("--describe", "--group", "tool-grp").assertSuccess().stdoutLines());
        assertEquals(2, rows.size(), rows::toString);
        for (String[] row : rows) {
            // GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG CONSUMER-ID HOST CLIENT-ID
            assertEquals("tool-grp", row[0]);
            assertEquals("tool-group-topic", row[1]);
            int partition = Integer.parseInt(row[2]);
            long current = partition == 0 ? 4 : 7;
            assertEquals(Long.toString(current), row[3]);
            assertEquals("10", row[4]);
            assertEquals(Long.toString(10 - current), row[5], "lag of partition " + partition);
        }

        CommandResult reset = groups("--reset-offsets", "--group", "tool-grp", "--topic", "tool-group-topic",
                "--to-earliest", "--execute").assertSuccess();
        assertTrue(reset.stdout().contains("tool-group-topic"), reset::describe);
        Map<TopicPartition, OffsetAndMetadata> after = Topics.get(
                SHARED.admin().listConsumerGroupOffsets("tool-grp").partitionsToOffsetAndMetadata());
        assertEquals(0, after.get(new TopicPartition("tool-group-topic", 0)).offset());
        assertEquals(0, after.get(new TopicPartition("tool-group-topic", 1)).offset());
    }

    /** The data rows of the tool's table (after the header line), split on whitespace. */
    private static List<String[]> table(List<String> lines) {
        List<String[]> rows = new ArrayList<>();
        boolean header = false;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("GROUP")) {
                header = true;
                continue;
            }
            if (header) {
                rows.add(line.trim().split("\\s+"));
            }
        }
        return rows;
    }

    private static CommandResult groups(String... args) {
        List<String> all = new ArrayList<>(List.of("--bootstrap-server", SHARED.broker().bootstrapServers()));
        all.addAll(List.of(args));
        return ExternalCommand.run(JavaCommand.of("org.apache.kafka.tools.consumer.group.ConsumerGroupCommand",
                List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), all), null, Duration.ofSeconds(90));
    }
}
