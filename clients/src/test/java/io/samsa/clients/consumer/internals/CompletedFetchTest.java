package io.samsa.clients.consumer.internals;

import io.samsa.clients.consumer.ConsumerRecord;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.RecordDeserializationException;
import io.samsa.common.serialization.Deserializer;
import io.samsa.common.serialization.StringDeserializer;
import io.samsa.protocol.message.FetchResponse;
import io.samsa.record.CompressionType;
import io.samsa.record.MemoryRecords;
import io.samsa.record.MemoryRecordsBuilder;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CompletedFetchTest {

    private static final TopicPartition TP = new TopicPartition("t", 0);

    private static ByteBuffer concat(MemoryRecords... parts) {
        int size = 0;
        for (MemoryRecords m : parts) {
            size += m.sizeInBytes();
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (MemoryRecords m : parts) {
            out.put(m.buffer().duplicate());
        }
        return out.flip();
    }

    private static MemoryRecords batch(long base, int count, CompressionType compression, long producerId, boolean txn) {
        MemoryRecordsBuilder b = MemoryRecords.builder(compression, base).transactional(txn);
        if (producerId >= 0) {
            b.producerState(producerId, (short) 0, (int) base);
        }
        for (int i = 0; i < count; i++) {
            long offset = base + i;
            b.append(1000 + offset, ("k" + offset).getBytes(StandardCharsets.UTF_8), ("v" + offset).getBytes(StandardCharsets.UTF_8));
        }
        return b.build();
    }

    private static MemoryRecords marker(long offset, long producerId, boolean commit) {
        ByteBuffer key = ByteBuffer.allocate(4).putShort((short) 0).putShort((short) (commit ? 1 : 0)).flip();
        ByteBuffer value = ByteBuffer.allocate(6).putShort((short) 0).putInt(0).flip();
        return MemoryRecords.builder(CompressionType.NONE, offset).transactional(true).control(true)
                .producerState(producerId, (short) 0, -1).append(0, key, value, io.samsa.record.Header.EMPTY).build();
    }

    private static List<ConsumerRecord<String, String>> read(CompletedFetch f, int max) {
        return read(f, new StringDeserializer(), max);
    }

    private static List<ConsumerRecord<String, String>> read(CompletedFetch f, Deserializer<String> values, int max) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        int added = f.fetchRecords(new StringDeserializer(), values, max, out);
        assertEquals(out.size(), added);
        return out;
    }

    @Test
    void skipsTheHeadOfACompressedBatchAndStopsAtMax() {
        ByteBuffer data = concat(batch(0, 10, CompressionType.GZIP, -1, false), batch(10, 5, CompressionType.NONE, -1, false));
        CompletedFetch f = new CompletedFetch(TP, 4, data, null, true, false);
        List<ConsumerRecord<String, String>> first = read(f, 3);
        assertEquals(List.of(4L, 5L, 6L), first.stream().map(ConsumerRecord::offset).toList());
        assertEquals(7, f.nextFetchOffset());
        List<ConsumerRecord<String, String>> rest = read(f, 100);
        assertEquals(8, rest.size());
        assertEquals("v14", rest.get(7).value());
        assertEquals(15, f.nextFetchOffset());
    }

    @Test
    void anUndeserializableRecordComesAfterTheRecordsBeforeItAndThrowsUntilSoughtPast() {
        CompletedFetch f = new CompletedFetch(TP, 0, concat(batch(0, 5, CompressionType.NONE, -1, false)), null, true, false);
        Deserializer<String> failsOnV2 = (topic, data) -> {
            String s = new String(data, StandardCharsets.UTF_8);
            if (s.equals("v2")) {
                throw new IllegalArgumentException("bad value");
            }
            return s;
        };
        List<ConsumerRecord<String, String>> first = read(f, failsOnV2, 10);
        assertEquals(List.of(0L, 1L), first.stream().map(ConsumerRecord::offset).toList());
        assertEquals(2, f.nextFetchOffset());
        for (int attempt = 0; attempt < 2; attempt++) {
            RecordDeserializationException e = assertThrows(RecordDeserializationException.class,
                    () -> read(f, failsOnV2, 10));
            assertEquals(TP, e.topicPartition());
            assertEquals(2, e.offset());
            assertEquals(RecordDeserializationException.DeserializationExceptionOrigin.VALUE, e.origin());
            assertEquals("k2", StandardCharsets.UTF_8.decode(e.keyBuffer()).toString());
            assertEquals("v2", StandardCharsets.UTF_8.decode(e.valueBuffer()).toString());
            assertEquals(IllegalArgumentException.class, e.getCause().getClass());
            assertEquals(2, f.nextFetchOffset(), "the position stays at the record");
        }
    }

    @Test
    void readCommittedDropsAbortedTransactionsAndMarkers() {
        ByteBuffer data = concat(batch(0, 3, CompressionType.NONE, 7, true), marker(3, 7, false),
                batch(4, 2, CompressionType.NONE, 8, true), marker(6, 8, true));
        FetchResponse.AbortedTransaction aborted = new FetchResponse.AbortedTransaction().setProducerId(7).setFirstOffset(0);
        CompletedFetch committed = new CompletedFetch(TP, 0, data.duplicate(), List.of(aborted), true, true);
        assertEquals(List.of(4L, 5L), read(committed, 100).stream().map(ConsumerRecord::offset).toList());
        assertEquals(7, committed.nextFetchOffset(), "past the last marker");

        CompletedFetch uncommitted = new CompletedFetch(TP, 0, data.duplicate(), List.of(aborted), true, false);
        assertEquals(List.of(0L, 1L, 2L, 4L, 5L), read(uncommitted, 100).stream().map(ConsumerRecord::offset).toList());
    }

    @Test
    void aCorruptBatchFailsWhenCrcsAreChecked() {
        ByteBuffer data = concat(batch(0, 3, CompressionType.NONE, -1, false));
        data.put(data.limit() - 1, (byte) (data.get(data.limit() - 1) ^ 0x5a));
        CompletedFetch f = new CompletedFetch(TP, 0, data, null, true, false);
        assertThrows(RuntimeException.class, () -> read(f, 10));
    }

    @Test
    void recordsCarryTheirBatchsLeaderEpochAndNoHeadersUnlessTheyHaveSome() {
        MemoryRecords epoch3 = MemoryRecords.builder(CompressionType.NONE, 0).partitionLeaderEpoch(3)
                .append(1, "k0".getBytes(StandardCharsets.UTF_8), "v0".getBytes(StandardCharsets.UTF_8))
                .append(2, "k1".getBytes(StandardCharsets.UTF_8), "v1".getBytes(StandardCharsets.UTF_8)).build();
        MemoryRecords epoch5 = MemoryRecords.builder(CompressionType.NONE, 2).partitionLeaderEpoch(5)
                .append(3, ByteBuffer.wrap("k2".getBytes(StandardCharsets.UTF_8)), null,
                        new io.samsa.record.Header[] {new io.samsa.record.Header("h", new byte[] {9})}).build();
        CompletedFetch f = new CompletedFetch(TP, 0, concat(epoch3, epoch5), null, true, false);
        List<ConsumerRecord<String, String>> records = read(f, 10);
        assertEquals(List.of(Optional.of(3), Optional.of(3), Optional.of(5)),
                records.stream().map(ConsumerRecord::leaderEpoch).toList());
        assertEquals(Optional.of(5), f.lastEpoch());
        assertEquals(0, records.get(0).headers().toArray().length);
        records.get(0).headers().add("added", new byte[] {1});
        assertEquals(0, records.get(1).headers().toArray().length, "each record's headers are its own");
        assertEquals(9, records.get(2).headers().lastHeader("h").value()[0]);
    }
}
