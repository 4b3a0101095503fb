package io.samsa.core.server.handlers;

import io.samsa.core.log.Log;
import io.samsa.core.network.BrokerConnection;
import io.samsa.core.test.SamsaCluster;
import io.samsa.protocol.message.DescribeLogDirsRequest;
import io.samsa.protocol.message.DescribeLogDirsResponse;
import io.samsa.testkit.TempDirs;
import io.samsa.testkit.Wait;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeReplicaLogDirsResult.ReplicaLogDirInfo;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionReplica;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DescribeLogDirs against a one-broker cluster with two log directories: kafka-clients'
 * {@code Admin.describeLogDirs} and {@code describeReplicaLogDirs} see both directories, each
 * partition in the directory that holds it on disk with the size of its segment files, and no
 * deleted or unnamed partition; v0 (classic encoding) and v4 (flexible, volume sizes) on the wire.
 */
@Tag("integration")
@Timeout(120)
class DescribeLogDirsTest {

    private static final Path ROOT = TempDirs.create("describe-log-dirs-");
    private static final Path DIR_A = ROOT.resolve("a");
    private static final Path DIR_B = ROOT.resolve("b");

    @RegisterExtension
    static final SamsaCluster cluster = SamsaCluster.withBrokers(1, Map.of("log.dirs", DIR_A + "," + DIR_B));

    @BeforeAll
    static void start() throws Exception {
        try (Admin admin = Admin.create(adminProps())) {
            admin.createTopics(List.of(new NewTopic("sizes", 4, (short) 1), new NewTopic("other", 1, (short) 1),
                    new NewTopic("doomed", 1, (short) 1))).all().get();
            cluster.waitForTopic("sizes", 4);
            cluster.waitForTopic("other", 1);
            cluster.waitForTopic("doomed", 1);
            produce(Map.of(new TopicPartition("sizes", 0), 3, new TopicPartition("sizes", 1), 10,
                    new TopicPartition("sizes", 2), 1, new TopicPartition("other", 0), 5, new TopicPartition("doomed", 0), 2));
            admin.deleteTopics(List.of("doomed")).all().get();
        }
        Wait.until("the log of doomed-0 to be deleted", Duration.ofSeconds(30), () -> cluster.broker(0).logManager().getLog(new io.samsa.common.TopicPartition("doomed", 0)) == null);
    }

    private static Properties adminProps() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        return p;
    }

    private static void produce(Map<TopicPartition, Integer> counts) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Map.Entry<TopicPartition, Integer> e : counts.entrySet()) {
                for (int i = 0; i < e.getValue(); i++) {
                    producer.send(new ProducerRecord<>(e.getKey().topic(), e.getKey().partition(), null,
                            ("record-" + i).getBytes())).get();
                }
            }
        }
    }

    /** Where each partition's directory is on disk, by scanning both log dirs: partition name → absolute log dir. */
    private static Map<String, String> partitionDirsOnDisk() throws IOException {
        Map<String, String> where = new HashMap<>();
        for (Path dir : List.of(DIR_A, DIR_B)) {
            try (Stream<Path> children = Files.list(dir)) {
                children.filter(Files::isDirectory).map(c -> c.getFileName().toString())
                        .filter(n -> n.matches("(sizes|other|doomed)-\\d+"))
                        .forEach(n -> where.put(n, dir.toFile().getAbsolutePath()));
            }
        }
        return where;
    }

    /** The bytes of a partition's segment files, read from disk. */
    private static long segmentBytesOnDisk(String logDir, TopicPartition tp) {
        try (Stream<Path> files = Files.list(Path.of(logDir, tp.topic() + "-" + tp.partition()))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".log")).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void describeLogDirsListsEveryDirWithItsPartitionsAndSizes() throws Exception {
        Map<String, LogDirDescription> dirs;
        try (Admin admin = Admin.create(adminProps())) {
            dirs = admin.describeLogDirs(List.of(0)).allDescriptions().get().get(0);
        }
        String a = DIR_A.toFile().getAbsolutePath();
        String b = DIR_B.toFile().getAbsolutePath();
        assertEquals(Set.of(a, b), dirs.keySet());

        Map<String, String> onDisk = partitionDirsOnDisk();
        Set<TopicPartition> expected = Set.of(new TopicPartition("sizes", 0), new TopicPartition("sizes", 1),
                new TopicPartition("sizes", 2), new TopicPartition("sizes", 3), new TopicPartition("other", 0));
        Set<TopicPartition> seen = new HashSet<>();
        for (Map.Entry<String, LogDirDescription> e : dirs.entrySet()) {
            LogDirDescription d = e.getValue();
            assertNull(d.error(), "error of " + e.getKey());
            assertTrue(d.totalBytes().isPresent() && d.totalBytes().getAsLong() > 0, "total bytes of " + e.getKey());
            assertTrue(d.usableBytes().isPresent() && d.usableBytes().getAsLong() >= 0, "usable bytes of " + e.getKey());
            assertTrue(d.usableBytes().getAsLong() <= d.totalBytes().getAsLong());
            for (Map.Entry<TopicPartition, ReplicaInfo> r : d.replicaInfos().entrySet()) {
                TopicPartition tp = r.getKey();
                assertTrue(seen.add(tp), tp + " listed twice");
                assertEquals(onDisk.get(tp.toString()), e.getKey(), tp + " is not where it lives on disk");
                assertEquals(segmentBytesOnDisk(e.getKey(), tp), r.getValue().size(), "size of " + tp);
                assertEquals(0L, r.getValue().offsetLag());
                assertFalse(r.getValue().isFuture());
            }
        }
        assertEquals(expected, seen);
        // Both directories got partitions: new logs go to the directory holding the fewest.
        assertFalse(dirs.get(a).replicaInfos().isEmpty());
        assertFalse(dirs.get(b).replicaInfos().isEmpty());

        Map<TopicPartition, Long> sizes = dirs.values().stream().flatMap(d -> d.replicaInfos().entrySet().stream())
                .collect(Collectors.toMap(Map.Entry::getKey, r -> r.getValue().size()));
        assertTrue(sizes.get(new TopicPartition("sizes", 1)) > sizes.get(new TopicPartition("sizes", 0)));
        assertTrue(sizes.get(new TopicPartition("sizes", 0)) > sizes.get(new TopicPartition("sizes", 2)));
        assertTrue(sizes.get(new TopicPartition("sizes", 2)) > 0);
        assertEquals(0L, sizes.get(new TopicPartition("sizes", 3)));
        Log log = cluster.broker(0).logManager().getLog(new io.samsa.common.TopicPartition("sizes", 1));
        assertEquals(log.size(), sizes.get(new TopicPartition("sizes", 1)));
    }

    @Test
    void describeReplicaLogDirsNamesTheDirOfExistingReplicasOnly() throws Exception {
        TopicPartitionReplica existing = new TopicPartitionReplica("sizes", 1, 0);
        TopicPartitionReplica deleted = new TopicPartitionReplica("doomed", 0, 0);
        TopicPartitionReplica missing = new TopicPartitionReplica("sizes", 42, 0);
        Map<TopicPartitionReplica, ReplicaLogDirInfo> infos;
        try (Admin admin = Admin.create(adminProps())) {
            infos = admin.describeReplicaLogDirs(List.of(existing, deleted, missing)).all().get();
        }
        String dir = partitionDirsOnDisk().get("sizes-1");
        assertNotNull(dir);
        assertEquals(dir, infos.get(existing).getCurrentReplicaLogDir());
        assertEquals(0L, infos.get(existing).getCurrentReplicaOffsetLag());
        assertNull(infos.get(existing).getFutureReplicaLogDir());
        assertNull(infos.get(deleted).getCurrentReplicaLogDir());
        assertNull(infos.get(missing).getCurrentReplicaLogDir());
    }

    /** The results of a response by log dir. */
    private static Map<String, DescribeLogDirsResponse.DescribeLogDirsResult> byDir(DescribeLogDirsResponse response) {
        return response.results().stream()
                .collect(Collectors.toMap(DescribeLogDirsResponse.DescribeLogDirsResult::logDir, r -> r));
    }

    @Test
    void v0OnTheWireListsOnlyTheNamedPartitions() throws Exception {
        DescribeLogDirsRequest req = new DescribeLogDirsRequest();
        req.topics().add(new DescribeLogDirsRequest.DescribableLogDirTopic().setTopic("sizes").setPartitions(List.of(1, 3, 99)));
        req.topics().add(new DescribeLogDirsRequest.DescribableLogDirTopic().setTopic("doomed").setPartitions(List.of(0)));
        DescribeLogDirsResponse resp;
        try (BrokerConnection c = new BrokerConnection("127.0.0.1", cluster.port(0), "log-dirs-test", 30_000)) {
            resp = c.send(req, (short) 0);
        }
        assertEquals(0, resp.throttleTimeMs());
        Map<String, DescribeLogDirsResponse.DescribeLogDirsResult> results = byDir(resp);
        assertEquals(Set.of(DIR_A.toFile().getAbsolutePath(), DIR_B.toFile().getAbsolutePath()), results.keySet());
        Map<String, String> onDisk = partitionDirsOnDisk();
        Set<String> listed = new HashSet<>();
        Set<String> topicsWithoutPartitions = new HashSet<>();
        for (DescribeLogDirsResponse.DescribeLogDirsResult r : results.values()) {
            assertEquals(0, r.errorCode());
            for (DescribeLogDirsResponse.DescribeLogDirsTopic t : r.topics()) {
                assertFalse(t.name().equals("doomed"), "a deleted topic is listed");
                // As in Kafka: a topic with logs in the dir but none named still appears, with no partitions.
                if (t.partitions().isEmpty()) {
                    topicsWithoutPartitions.add(t.name());
                }
                for (DescribeLogDirsResponse.DescribeLogDirsPartition p : t.partitions()) {
                    String name = t.name() + "-" + p.partitionIndex();
                    assertEquals(onDisk.get(name), r.logDir());
                    assertEquals(segmentBytesOnDisk(r.logDir(), new TopicPartition(t.name(), p.partitionIndex())),
                            p.partitionSize());
                    assertEquals(0L, p.offsetLag());
                    assertFalse(p.isFutureKey());
                    listed.add(name);
                }
            }
        }
        assertEquals(Set.of("sizes-1", "sizes-3"), listed);
        assertTrue(topicsWithoutPartitions.contains("other"), "other-0 has a log but was not named");
    }

    @Test
    void v4OnTheWireReportsVolumeSizesAndEveryPartitionForNullTopics() throws Exception {
        DescribeLogDirsRequest req = new DescribeLogDirsRequest().setTopics(null);
        DescribeLogDirsResponse resp;
        try (BrokerConnection c = new BrokerConnection("127.0.0.1", cluster.port(0), "log-dirs-test", 30_000)) {
            resp = c.send(req, (short) 4);
        }
        assertEquals(0, resp.errorCode());
        int partitions = 0;
        for (DescribeLogDirsResponse.DescribeLogDirsResult r : resp.results()) {
            assertEquals(0, r.errorCode());
            File dir = new File(r.logDir());
            assertTrue(dir.isAbsolute() && dir.isDirectory(), r.logDir());
            long total = Files.getFileStore(dir.toPath()).getTotalSpace();
            assertEquals(total, r.totalBytes());
            assertTrue(r.usableBytes() >= 0 && r.usableBytes() <= total);
            for (DescribeLogDirsResponse.DescribeLogDirsTopic t : r.topics()) {
                assertFalse(t.partitions().isEmpty(), "topic " + t.name() + " without partitions");
                partitions += t.partitions().size();
            }
        }
        assertEquals(5, partitions);
    }
}
