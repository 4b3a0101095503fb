package io.samsa.core.log;

import io.samsa.common.config.ConfigException;
import io.samsa.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogConfigTest {

    @Test
    void definesEveryTopicConfigNameTheClientsKnowAndNoOther() {
        assertEquals(new TreeSet<>(TopicConfig.names()), LogConfig.configNames());
    }

    @Test
    void defaultsAreKafkas() {
        LogConfig c = LogConfig.defaults();
        assertEquals(1 << 30, c.segmentBytes());
        assertEquals(604_800_000L, c.segmentMs());
        assertEquals(10 << 20, c.segmentIndexBytes());
        assertEquals(4096, c.indexIntervalBytes());
        assertEquals(604_800_000L, c.retentionMs());
        assertEquals(-1L, c.retentionBytes());
        assertEquals(1_048_588, c.maxMessageBytes());
        assertEquals(MessageTimestampType.CREATE_TIME, c.timestampType());
        assertTrue(c.delete());
        assertFalse(c.compact());
        assertEquals(60_000L, c.fileDeleteDelayMs());
        assertEquals(Long.MAX_VALUE, c.flushMessages());
        assertEquals(Long.MAX_VALUE, c.flushMs());
        assertEquals(1, c.minInSyncReplicas());
        assertEquals("producer", c.compressionType());
    }

    @Test
    void overridesApplyOnTopOfDefaults() {
        LogConfig broker = LogConfig.fromBrokerProperties(Map.of("log.segment.bytes", "2048", "log.retention.hours", "1",
                "num.partitions", "3", "log.cleanup.policy", "compact,delete"));
        assertEquals(2048, broker.segmentBytes());
        assertEquals(3_600_000L, broker.retentionMs());
        assertTrue(broker.compact() && broker.delete());
        LogConfig topic = broker.withOverrides(Map.of("retention.ms", "-1", "message.timestamp.type", "LogAppendTime"));
        assertEquals(2048, topic.segmentBytes());
        assertEquals(-1L, topic.retentionMs());
        assertEquals(MessageTimestampType.LOG_APPEND_TIME, topic.timestampType());
        assertEquals("-1", topic.valuesAsStrings().get("retention.ms"));
        assertEquals("compact,delete", topic.valuesAsStrings().get("cleanup.policy"));
    }

    @Test
    void brokerDurationPrecedenceIsMsThenMinutesThenHours() {
        assertEquals(120_000L, LogConfig.fromBrokerProperties(Map.of("log.retention.hours", "5",
                "log.retention.minutes", "2")).retentionMs());
        assertEquals(7L, LogConfig.fromBrokerProperties(Map.of("log.retention.ms", "7",
                "log.retention.minutes", "2")).retentionMs());
        assertEquals(2 * 3_600_000L, LogConfig.fromBrokerProperties(Map.of("log.roll.hours", "2")).segmentMs());
    }

    @Test
    void invalidValuesNameTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> LogConfig.of(Map.of("segment.bytes", "big")));
        assertTrue(e.getMessage().contains("segment.bytes"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> LogConfig.of(Map.of("segment.bytes", "10")));
        assertTrue(e.getMessage().contains("segment.bytes"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> LogConfig.of(Map.of("message.timestamp.type", "Now")));
        assertTrue(e.getMessage().contains("message.timestamp.type"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> LogConfig.of(Map.of("cleanup.policy", "archive")));
        assertTrue(e.getMessage().contains("cleanup.policy"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> LogConfig.of(Map.of("retention.ms", "-2")));
        assertTrue(e.getMessage().contains("retention.ms"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> LogConfig.of(Map.of("segment.byte", "1000")));
        assertTrue(e.getMessage().contains("segment.byte"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> LogConfig.fromBrokerProperties(Map.of("log.segment.bytes", "x")));
        assertTrue(e.getMessage().contains("log.segment.bytes"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> LogConfig.fromBrokerProperties(Map.of("log.retention.hours", "x")));
        assertTrue(e.getMessage().contains("log.retention.hours"), e.getMessage());
    }

    @Test
    void kafka39TopicKeysAreKnownWithKafkasDefaults() {
        Map<String, String> values = LogConfig.defaults().valuesAsStrings();
        assertEquals("-1", values.get("compression.gzip.level"));
        assertEquals("9", values.get("compression.lz4.level"));
        assertEquals("3", values.get("compression.zstd.level"));
        assertEquals("3.0-IV1", values.get("message.format.version"));
        assertEquals("false", values.get("remote.storage.enable"));
        assertEquals("false", values.get("remote.log.copy.disable"));
        assertEquals("false", values.get("remote.log.delete.on.disable"));
        assertEquals("-2", values.get("local.retention.ms"));
        assertEquals("-2", values.get("local.retention.bytes"));
        LogConfig c = LogConfig.of(Map.of("compression.zstd.level", "7", "compression.gzip.level", "9",
                "compression.lz4.level", "1", "message.format.version", "2.8", "remote.storage.enable", "false",
                "remote.log.copy.disable", "true", "remote.log.delete.on.disable", "true",
                "local.retention.ms", "-1", "local.retention.bytes", "1024"));
        assertEquals("7", c.valuesAsStrings().get("compression.zstd.level"));
        assertEquals("1024", c.valuesAsStrings().get("local.retention.bytes"));
        assertTrue(LogConfig.names().containsAll(values.keySet()));
        // The extreme levels each codec takes, and gzip's "default" marker.
        LogConfig.of(Map.of("compression.zstd.level", "-131072", "compression.gzip.level", "-1",
                "compression.lz4.level", "17"));
        LogConfig.of(Map.of("compression.zstd.level", "22", "compression.gzip.level", "1"));
        for (String version : List.of("0.8.2", "0.10.0-IV1", "0.10.2.1", "1.1", "2.8-IV1", "3.0.1", "3.9-IV0")) {
            assertEquals(version, LogConfig.of(Map.of("message.format.version", version))
                    .valuesAsStrings().get("message.format.version"));
        }
    }

    @Test
    void outOfRangeKafka39ValuesAreRefusedNamingTheKey() {
        for (Map.Entry<String, String> bad : List.of(Map.entry("compression.gzip.level", "0"),
                Map.entry("compression.gzip.level", "10"), Map.entry("compression.lz4.level", "99"),
                Map.entry("compression.lz4.level", "0"), Map.entry("compression.zstd.level", "23"),
                Map.entry("compression.zstd.level", "-131073"), Map.entry("compression.zstd.level", "high"),
                Map.entry("message.format.version", "4.0"), Map.entry("message.format.version", "latest"),
                Map.entry("local.retention.ms", "-3"), Map.entry("local.retention.bytes", "-3"),
                Map.entry("remote.log.copy.disable", "maybe"))) {
            ConfigException e = assertThrows(ConfigException.class, () -> LogConfig.of(Map.ofEntries(bad)), bad.toString());
            assertTrue(e.getMessage().contains(bad.getKey()), e.getMessage());
        }
    }

    @Test
    void remoteStorageCannotBeEnabledWithoutTieredStorage() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> LogConfig.of(Map.of("remote.storage.enable", "true")));
        assertTrue(e.getMessage().contains("remote.storage.enable"), e.getMessage());
        assertTrue(e.getMessage().contains("Tiered Storage functionality is disabled in the broker"), e.getMessage());
        assertEquals("false", LogConfig.of(Map.of("remote.storage.enable", "false"))
                .valuesAsStrings().get("remote.storage.enable"));
    }

    @Test
    void kafka39BrokerSynonymsSetTopicDefaults() {
        LogConfig broker = LogConfig.fromBrokerProperties(Map.of("compression.zstd.level", "10",
                "log.local.retention.ms", "60000", "log.local.retention.bytes", "4096",
                "log.message.format.version", "2.8"));
        assertEquals("10", broker.valuesAsStrings().get("compression.zstd.level"));
        assertEquals("60000", broker.valuesAsStrings().get("local.retention.ms"));
        assertEquals("4096", broker.valuesAsStrings().get("local.retention.bytes"));
        assertEquals("2.8", broker.valuesAsStrings().get("message.format.version"));
        assertTrue(broker.isSet("local.retention.ms"));
        assertEquals(List.of("compression.gzip.level"), LogConfig.brokerSynonyms("compression.gzip.level"));
        assertEquals(List.of("log.local.retention.ms"), LogConfig.brokerSynonyms("local.retention.ms"));
        assertEquals(List.of("log.local.retention.bytes"), LogConfig.brokerSynonyms("local.retention.bytes"));
        assertEquals(List.of("log.message.format.version"), LogConfig.brokerSynonyms("message.format.version"));
        assertEquals(List.of(), LogConfig.brokerSynonyms("remote.storage.enable"));
        assertEquals("local.retention.ms", LogConfig.topicKeyForBrokerKey("log.local.retention.ms"));
        ConfigException e = assertThrows(ConfigException.class,
                () -> LogConfig.fromBrokerProperties(Map.of("log.local.retention.ms", "-5")));
        assertTrue(e.getMessage().contains("log.local.retention.ms"), e.getMessage());
        e = assertThrows(ConfigException.class,
                () -> LogConfig.fromBrokerProperties(Map.of("compression.lz4.level", "18")));
        assertTrue(e.getMessage().contains("compression.lz4.level"), e.getMessage());
    }
}
