package io.samsa.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.samsa.record.compress.ByteBufferOutputStream;

/** Samsa's legacy writer against Kafka 3.9.1's legacy builder and reader. */
class LegacyMessageSetBuilderTest {

    static Stream<Arguments> cases() {
        List<Arguments> list = new ArrayList<>();
        for (byte magic = 0; magic <= 1; magic++) {
            for (CompressionType type : LegacyOracle.LEGACY_CODECS) {
                list.add(Arguments.of(magic, type, -1L));
                if (magic == 1) {
                    list.add(Arguments.of(magic, type, 1_777_000_000_000L));
                }
            }
        }
        return list.stream();
    }

    private static LegacyMessageSet build(LegacyMessageSetBuilder builder, long baseOffset, long appendTime,
                                          List<LegacyOracle.In> inputs) {
        if (appendTime >= 0) {
            builder.logAppendTime(appendTime);
        }
        for (int i = 0; i < inputs.size(); i++) {
            LegacyOracle.In in = inputs.get(i);
            builder.appendWithOffset(baseOffset + i, in.timestamp(), in.key(), in.value());
        }
        return builder.build();
    }

    @ParameterizedTest(name = "magic {0} {1} appendTime {2}")
    @MethodSource("cases")
    void kafkaReadsWhatSamsaWrites(byte magic, CompressionType type, long appendTime) {
        List<LegacyOracle.In> inputs = LegacyOracle.inputs(18, magic + type.id, true);
        LegacyMessageSet set = build(new LegacyMessageSetBuilder(magic, type), 300L, appendTime, inputs);
        List<LegacyOracle.Rec> expected = LegacyOracle.expected(magic, 300L, appendTime, inputs);
        assertEquals(expected, LegacyOracle.read(set.buffer(), magic));
        assertEquals(expected, LegacyOracle.samsa(set));
        if (type == CompressionType.NONE || type == CompressionType.LZ4) {
            // Deterministic codecs: the very bytes Kafka's builder writes.
            assertArrayEquals(ByteUtils.toArray(LegacyOracle.build(magic, type, 300L, appendTime, inputs)),
                ByteUtils.toArray(set.buffer()));
        }
    }

    @Test
    void buildersShareAnOutputStream() {
        ByteBufferOutputStream out = new ByteBufferOutputStream(16);
        List<LegacyOracle.In> a = LegacyOracle.inputs(5, 1, false);
        List<LegacyOracle.In> b = LegacyOracle.inputs(7, 2, false);
        LegacyMessageSet first = build(new LegacyMessageSetBuilder(out, (byte) 1, CompressionType.SNAPPY), 0L, -1L, a);
        LegacyMessageSet second = build(new LegacyMessageSetBuilder(out, (byte) 1, CompressionType.NONE), 5L, -1L, b);
        LegacyMessageSet whole = LegacyMessageSet.readableMessages(out.buffer().flip());
        assertEquals(first.sizeInBytes() + second.sizeInBytes(), whole.sizeInBytes());
        List<LegacyOracle.Rec> expected = new ArrayList<>(LegacyOracle.expected((byte) 1, 0L, -1L, a));
        expected.addAll(LegacyOracle.expected((byte) 1, 5L, -1L, b));
        assertEquals(expected, LegacyOracle.read(whole.buffer(), 1));
        assertEquals(LegacyOracle.expected((byte) 1, 0L, -1L, a), LegacyOracle.samsa(first));
    }

    @Test
    void emptyAndRepeatedBuild() {
        LegacyMessageSetBuilder builder = new LegacyMessageSetBuilder((byte) 0, CompressionType.GZIP);
        LegacyMessageSet empty = builder.build();
        assertEquals(0, empty.sizeInBytes());
        assertSame(empty, builder.build());
        assertThrows(IllegalStateException.class, () -> builder.appendWithOffset(0L, 1L, (byte[]) null, null));
    }

    @Test
    void refusesWhatLegacyFormatsCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> new LegacyMessageSetBuilder((byte) 2, CompressionType.NONE));
        assertThrows(IllegalArgumentException.class, () -> new LegacyMessageSetBuilder((byte) 1, CompressionType.ZSTD));
        LegacyMessageSetBuilder builder = new LegacyMessageSetBuilder((byte) 1, CompressionType.NONE);
        builder.appendWithOffset(5L, 1L, (byte[]) null, null);
        assertThrows(IllegalArgumentException.class, () -> builder.appendWithOffset(5L, 1L, (byte[]) null, null));
        assertThrows(IllegalArgumentException.class, () -> builder.appendWithOffset(6L, -2L, (byte[]) null, null));
        assertThrows(IllegalStateException.class, () -> builder.timestampType(TimestampType.LOG_APPEND_TIME));
        LegacyMessageSetBuilder noAppendTime = new LegacyMessageSetBuilder((byte) 1, CompressionType.LZ4)
            .timestampType(TimestampType.LOG_APPEND_TIME);
        assertThrows(IllegalStateException.class, () -> noAppendTime.appendWithOffset(0L, 1L, (byte[]) null, null));
    }
}
