package io.samsa.core.log;

import io.samsa.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogConfigTest {

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
}
