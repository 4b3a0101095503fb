package io.samsa.core.server;

import io.samsa.core.log.Log;
import io.samsa.core.log.LogConfig;
import io.samsa.core.test.SamsaCluster;
import io.samsa.testkit.Wait;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DeletedRecords;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.errors.OffsetOutOfRangeException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dynamic topic configuration (IncrementalAlterConfigs, AlterConfigs, DescribeConfigs with sources
 * and synonyms) and DeleteRecords, driven by Apache kafka-clients 3.9.1's Admin against a
 * two-broker Samsa cluster: every broker applies a change to its logs while it runs.
 */
@Tag("integration")
@Timeout(120)
class TopicConfigAndDeleteRecordsTest {

    @RegisterExtension
    static final SamsaCluster cluster = SamsaCluster.withBrokers(2, Map.of("log.retention.hours", "100", "log.segment.bytes", "1048576"));
    private static Admin admin;

    @BeforeAll
    static void start() throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        admin = Admin.create(p);
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.close();
        }
    }

    private static void createTopic(String name, int partitions, Map<String, String> configs) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs))).all().get();
        cluster.waitForTopic(name, partitions);
    }

    private static ConfigResource topic(String name) {
        return new ConfigResource(ConfigResource.Type.TOPIC, name);
    }

    private static void alter(String topic, AlterConfigOp... ops) throws Exception {
        admin.incrementalAlterConfigs(Map.of(topic(topic), List.of(ops))).all().get();
    }

    private static AlterConfigOp op(String name, String value, AlterConfigOp.OpType type) {
        return new AlterConfigOp(new ConfigEntry(name, value), type);
    }

    private static Config describe(String topic, boolean synonyms) throws Exception {
        return admin.describeConfigs(List.of(topic(topic)), new DescribeConfigsOptions().includeSynonyms(synonyms))
                .all().get().get(topic(topic));
    }

    /** Every log of the topic, across the brokers (one partition per broker here). */
    private static List<Log> logs(String topic, int partitions) {
        List<Log> logs = new ArrayList<>();
        for (int b = 0; b < cluster.size(); b++) {
            for (int p = 0; p < partitions; p++) {
                Log l = cluster.broker(b).logManager().getLog(new io.samsa.common.TopicPartition(topic, p));
                if (l != null) {
                    logs.add(l);
                }
            }
        }
        return logs;
    }

    private static void waitForAllLogs(String topic, int partitions, String what, Predicate<LogConfig> condition) {
        Wait.until(what, Duration.ofSeconds(30), () -> {
            List<Log> logs = logs(topic, partitions);
            return logs.size() == partitions && logs.stream().allMatch(l -> condition.test(l.config()));
        });
    }

    private static Throwable cause(ExecutionException e) {
        return e.getCause();
    }

    @Test
    void incrementalAlterConfigsChangesEveryBrokersLogsLive() throws Exception {
        String name = "live-config";
        createTopic(name, 2, Map.of());
        // The two partitions live on different brokers.
        Wait.until("a log on each broker", Duration.ofSeconds(30), () -> logs(name, 2).size() == 2);

        alter(name, op("retention.ms", "12345", AlterConfigOp.OpType.SET),
                op("cleanup.policy", "compact", AlterConfigOp.OpType.APPEND));
        waitForAllLogs(name, 2, "retention.ms=12345 and compaction on both brokers",
                c -> c.retentionMs() == 12345L && c.compact() && c.delete());
        Config described = describe(name, false);
        assertEquals("12345", described.get("retention.ms").value());
        assertEquals(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG, described.get("retention.ms").source());
        assertEquals("delete,compact", described.get("cleanup.policy").value());
        assertEquals("1048576", described.get("segment.bytes").value());
        assertEquals(ConfigEntry.ConfigSource.STATIC_BROKER_CONFIG, described.get("segment.bytes").source());
        assertEquals(ConfigEntry.ConfigSource.DEFAULT_CONFIG, described.get("max.message.bytes").source());

        alter(name, op("cleanup.policy", "delete", AlterConfigOp.OpType.SUBTRACT),
                op("retention.ms", null, AlterConfigOp.OpType.DELETE));
        waitForAllLogs(name, 2, "the override removed and compact-only on both brokers",
                c -> c.retentionMs() == 100 * 3_600_000L && c.compact() && !c.delete());
        described = describe(name, false);
        assertEquals("compact", described.get("cleanup.policy").value());
        assertEquals(Long.toString(100 * 3_600_000L), described.get("retention.ms").value());
        assertEquals(ConfigEntry.ConfigSource.STATIC_BROKER_CONFIG, described.get("retention.ms").source());

        // validate_only changes nothing.
        admin.incrementalAlterConfigs(Map.of(topic(name), List.of(op("retention.bytes", "999", AlterConfigOp.OpType.SET))),
                new org.apache.kafka.clients.admin.AlterConfigsOptions().validateOnly(true)).all().get();
        assertEquals("-1", describe(name, false).get("retention.bytes").value());
    }

    @Test
    void describeConfigsListsSynonymsByPrecedence() throws Exception {
        String name = "synonyms";
        createTopic(name, 1, Map.of("retention.ms", "5000"));
        Config described = describe(name, true);
        List<ConfigEntry.ConfigSynonym> retention = described.get("retention.ms").synonyms();
        assertEquals(List.of("retention.ms", "log.retention.hours", "log.retention.hours"),
                retention.stream().map(ConfigEntry.ConfigSynonym::name).toList());
        assertEquals(List.of(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG, ConfigEntry.ConfigSource.STATIC_BROKER_CONFIG,
                ConfigEntry.ConfigSource.DEFAULT_CONFIG), retention.stream().map(ConfigEntry.ConfigSynonym::source).toList());
        assertEquals(List.of("5000", "100", "168"), retention.stream().map(ConfigEntry.ConfigSynonym::value).toList());
        List<ConfigEntry.ConfigSynonym> minIsr = described.get("min.insync.replicas").synonyms();
        assertEquals(1, minIsr.size());
        assertEquals(ConfigEntry.ConfigSource.DEFAULT_CONFIG, minIsr.get(0).source());
        assertEquals("min.insync.replicas", minIsr.get(0).name());
        // Without include_synonyms there are none.
        assertTrue(describe(name, false).get("retention.ms").synonyms().isEmpty());
    }

    @Test
    void badConfigChangesAreRefusedWithKafkasErrors() throws Exception {
        String name = "strict-config";
        createTopic(name, 1, Map.of());
        assertInstanceOf(InvalidConfigurationException.class, cause(assertThrows(ExecutionException.class,
                () -> alter(name, op("retention.ms", "soon", AlterConfigOp.OpType.SET)))));
        assertInstanceOf(InvalidConfigurationException.class, cause(assertThrows(ExecutionException.class,
                () -> alter(name, op("no.such.config", "1", AlterConfigOp.OpType.SET)))));
        assertInstanceOf(InvalidConfigurationException.class, cause(assertThrows(ExecutionException.class,
                () -> alter(name, op("retention.ms", "1", AlterConfigOp.OpType.APPEND)))));
        assertInstanceOf(InvalidConfigurationException.class, cause(assertThrows(ExecutionException.class,
                () -> alter(name, op("cleanup.policy", "shred", AlterConfigOp.OpType.APPEND)))));
        assertInstanceOf(UnknownTopicOrPartitionException.class, cause(assertThrows(ExecutionException.class,
                () -> alter("no-such-topic", op("retention.ms", "1", AlterConfigOp.OpType.SET)))));
        ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "0");
        assertInstanceOf(InvalidRequestException.class, cause(assertThrows(ExecutionException.class,
                () -> admin.incrementalAlterConfigs(Map.of(broker, List.of(op("log.retention.ms", "1",
                        AlterConfigOp.OpType.SET)))).all().get())));
        // There is no dynamic broker override to delete: Kafka answers that with success (its reassignment tool relies on it).
        admin.incrementalAlterConfigs(Map.of(broker, List.of(op("leader.replication.throttled.rate", null, AlterConfigOp.OpType.DELETE)),
                new ConfigResource(ConfigResource.Type.BROKER, ""), List.of(op("follower.replication.throttled.rate", null,
                        AlterConfigOp.OpType.DELETE)))).all().get();
        Config unchanged = describe(name, false);
        assertEquals(ConfigEntry.ConfigSource.STATIC_BROKER_CONFIG, unchanged.get("retention.ms").source());
        assertEquals("delete", unchanged.get("cleanup.policy").value());
    }

    @Test
    @SuppressWarnings("deprecation")
    void alterConfigsReplacesTheWholeSetOfOverrides() throws Exception {
        String name = "legacy-alter";
        createTopic(name, 1, Map.of("retention.ms", "7000", "segment.ms", "8000"));
        waitForAllLogs(name, 1, "the created overrides", c -> c.retentionMs() == 7000L);
        admin.alterConfigs(Map.of(topic(name), new Config(List.of(new ConfigEntry("retention.bytes", "4096"))))).all().get();
        waitForAllLogs(name, 1, "only retention.bytes overridden",
                c -> c.retentionBytes() == 4096L && c.retentionMs() == 100 * 3_600_000L && c.segmentMs() != 8000L);
        Config described = describe(name, false);
        assertEquals(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG, described.get("retention.bytes").source());
        assertEquals(ConfigEntry.ConfigSource.STATIC_BROKER_CONFIG, described.get("retention.ms").source());
        assertEquals(ConfigEntry.ConfigSource.DEFAULT_CONFIG, described.get("segment.ms").source());
        assertInstanceOf(InvalidConfigurationException.class, cause(assertThrows(ExecutionException.class,
                () -> admin.alterConfigs(Map.of(topic(name), new Config(List.of(new ConfigEntry("retention.bytes", "x")))))
                        .all().get())));
    }

    private static void produce(String topic, int count) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, 0, "k" + (i % 7), "v" + i));
            }
            producer.flush();
        }
    }

    private static long earliest(TopicPartition tp) throws Exception {
        ListOffsetsResult r = admin.listOffsets(Map.of(tp, OffsetSpec.earliest()));
        return r.partitionResult(tp).get().offset();
    }

    @Test
    void deleteRecordsMovesTheLogStartOffset() throws Exception {
        String name = "trimmed";
        createTopic(name, 1, Map.of());
        produce(name, 100);
        TopicPartition tp = new TopicPartition(name, 0);

        DeletedRecords deleted = admin.deleteRecords(Map.of(tp, RecordsToDelete.beforeOffset(40))).lowWatermarks().get(tp).get();
        assertEquals(40, deleted.lowWatermark());
        assertEquals(40, earliest(tp));
        // Asking for less than what is already gone keeps the low watermark.
        assertEquals(40, admin.deleteRecords(Map.of(tp, RecordsToDelete.beforeOffset(10))).lowWatermarks().get(tp).get()
                .lowWatermark());
        assertInstanceOf(OffsetOutOfRangeException.class, cause(assertThrows(ExecutionException.class,
                () -> admin.deleteRecords(Map.of(tp, RecordsToDelete.beforeOffset(101))).lowWatermarks().get(tp).get())));

        Properties cp = new Properties();
        cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> got = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cp, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(Set.of(tp));
            consumer.seekToBeginning(Set.of(tp));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (got.size() < 60 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(got::add);
            }
        }
        assertEquals(60, got.size());
        assertEquals(40, got.get(0).offset());
        assertEquals("v40", got.get(0).value());

        // -1 means "up to the high watermark".
        assertEquals(100, admin.deleteRecords(Map.of(tp, RecordsToDelete.beforeOffset(-1))).lowWatermarks().get(tp).get()
                .lowWatermark());
        assertEquals(100, earliest(tp));
    }

    @Test
    void deleteRecordsRespectsTheCleanupPolicy() throws Exception {
        String name = "compact-only";
        createTopic(name, 1, Map.of("cleanup.policy", "compact"));
        produce(name, 10);
        TopicPartition tp = new TopicPartition(name, 0);
        assertInstanceOf(PolicyViolationException.class, cause(assertThrows(ExecutionException.class,
                () -> admin.deleteRecords(Map.of(tp, RecordsToDelete.beforeOffset(5))).lowWatermarks().get(tp).get())));
        // compact,delete allows it.
        alter(name, op("cleanup.policy", "delete", AlterConfigOp.OpType.APPEND));
        waitForAllLogs(name, 1, "compact,delete", LogConfig::delete);
        assertEquals(5, admin.deleteRecords(Map.of(tp, RecordsToDelete.beforeOffset(5))).lowWatermarks().get(tp).get()
                .lowWatermark());
    }

    @Test
    void kafka39TopicConfigsAreAcceptedValidatedAndDescribed() throws Exception {
        String name = "kip-390";
        createTopic(name, 1, Map.of("compression.zstd.level", "7", "message.format.version", "2.8",
                "remote.storage.enable", "false"));
        Config described = describe(name, true);
        assertEquals("7", described.get("compression.zstd.level").value());
        assertEquals(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG, described.get("compression.zstd.level").source());
        assertEquals(List.of(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG, ConfigEntry.ConfigSource.DEFAULT_CONFIG),
                described.get("compression.zstd.level").synonyms().stream().map(ConfigEntry.ConfigSynonym::source).toList());
        assertEquals("3", described.get("compression.zstd.level").synonyms().get(1).value());
        assertEquals("2.8", described.get("message.format.version").value());
        // Kafka 3.9's defaults, sources and types for the keys this topic does not override.
        Map<String, String> defaults = Map.of("compression.gzip.level", "-1", "compression.lz4.level", "9",
                "remote.log.copy.disable", "false",
                "remote.log.delete.on.disable", "false", "local.retention.ms", "-2", "local.retention.bytes", "-2");
        defaults.forEach((key, value) -> {
            assertEquals(value, described.get(key).value(), key);
            assertEquals(ConfigEntry.ConfigSource.DEFAULT_CONFIG, described.get(key).source(), key);
        });
        assertEquals("false", described.get("remote.storage.enable").value());
        assertEquals(ConfigEntry.ConfigType.INT, described.get("compression.lz4.level").type());
        assertEquals(ConfigEntry.ConfigType.LONG, described.get("local.retention.ms").type());
        assertEquals(ConfigEntry.ConfigType.BOOLEAN, described.get("remote.storage.enable").type());
        assertEquals(List.of("log.local.retention.ms"), described.get("local.retention.ms").synonyms().stream()
                .map(ConfigEntry.ConfigSynonym::name).toList());
        assertEquals(List.of("message.format.version", "log.message.format.version"),
                described.get("message.format.version").synonyms().stream().map(ConfigEntry.ConfigSynonym::name).toList());
        waitForAllLogs(name, 1, "the topic's logs run with zstd level 7",
                c -> "7".equals(c.valuesAsStrings().get("compression.zstd.level")));

        alter(name, op("compression.gzip.level", "5", AlterConfigOp.OpType.SET));
        waitForAllLogs(name, 1, "gzip level 5 applied", c -> "5".equals(c.valuesAsStrings().get("compression.gzip.level")));
        assertEquals("5", describe(name, false).get("compression.gzip.level").value());
        assertEquals(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG, describe(name, false).get("compression.gzip.level").source());

        ExecutionException lz4 = assertThrows(ExecutionException.class,
                () -> alter(name, op("compression.lz4.level", "99", AlterConfigOp.OpType.SET)));
        assertInstanceOf(InvalidConfigurationException.class, cause(lz4));
        assertTrue(cause(lz4).getMessage().contains("compression.lz4.level"), cause(lz4).getMessage());
        ExecutionException remote = assertThrows(ExecutionException.class,
                () -> alter(name, op("remote.storage.enable", "true", AlterConfigOp.OpType.SET)));
        assertInstanceOf(InvalidConfigurationException.class, cause(remote));
        assertTrue(cause(remote).getMessage().contains("remote.storage.enable"), cause(remote).getMessage());
        alter(name, op("remote.log.copy.disable", "true", AlterConfigOp.OpType.SET),
                op("local.retention.ms", "60000", AlterConfigOp.OpType.SET));
        Config after = describe(name, false);
        assertEquals("5", after.get("compression.gzip.level").value());
        assertEquals("9", after.get("compression.lz4.level").value());
        assertEquals("false", after.get("remote.storage.enable").value());
        assertEquals("60000", after.get("local.retention.ms").value());

        // CreateTopics refuses the same values.
        ExecutionException create = assertThrows(ExecutionException.class, () -> admin.createTopics(List.of(
                new NewTopic("kip-390-bad", 1, (short) 1).configs(Map.of("compression.zstd.level", "23")))).all().get());
        assertInstanceOf(InvalidConfigurationException.class, cause(create));
        assertTrue(cause(create).getMessage().contains("compression.zstd.level"), cause(create).getMessage());
        create = assertThrows(ExecutionException.class, () -> admin.createTopics(List.of(
                new NewTopic("kip-405-bad", 1, (short) 1).configs(Map.of("remote.storage.enable", "true")))).all().get());
        assertInstanceOf(InvalidConfigurationException.class, cause(create));
    }

    @Test
    void listOffsetsMaxTimestampAnswersTheFirstRecordHoldingIt() throws Exception {
        String name = "max-timestamp";
        createTopic(name, 1, Map.of());
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // One batch: nothing leaves before flush().
        p.put(ProducerConfig.LINGER_MS_CONFIG, "60000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            long[] timestamps = {100, 300, 300, 200, 250};
            for (int i = 0; i < timestamps.length; i++) {
                producer.send(new ProducerRecord<>(name, 0, timestamps[i], "k" + i, "v" + i));
            }
            producer.flush();
        }
        TopicPartition tp = new TopicPartition(name, 0);
        ListOffsetsResult.ListOffsetsResultInfo max = admin.listOffsets(Map.of(tp, OffsetSpec.maxTimestamp()))
                .partitionResult(tp).get();
        assertEquals(1, max.offset());
        assertEquals(300, max.timestamp());
    }
}
