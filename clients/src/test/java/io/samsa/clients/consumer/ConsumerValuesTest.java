package io.samsa.clients.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.common.TopicPartition;
import io.samsa.common.header.internals.RecordHeaders;
import io.samsa.record.TimestampType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsumerValuesTest {

    private static final TopicPartition A0 = new TopicPartition("a", 0);
    private static final TopicPartition A1 = new TopicPartition("a", 1);
    private static final TopicPartition B0 = new TopicPartition("b", 0);

    @Test
    void recordsGroupByPartitionAndIterateInOrder() {
        Map<TopicPartition, List<ConsumerRecord<String, String>>> byPartition = new LinkedHashMap<>();
        byPartition.put(A0, new ArrayList<>(List.of(record(A0, 0), record(A0, 1))));
        byPartition.put(B0, new ArrayList<>(List.of(record(B0, 7))));
        byPartition.put(A1, new ArrayList<>(List.of(record(A1, 3))));
        byPartition.put(new TopicPartition("c", 0), new ArrayList<>());
        ConsumerRecords<String, String> records = new ConsumerRecords<>(byPartition);
        byPartition.get(A0).clear();

        assertEquals(4, records.count());
        assertFalse(records.isEmpty());
        assertEquals(Set.of(A0, A1, B0), records.partitions());
        assertEquals(2, records.records(A0).size());
        assertTrue(records.records(new TopicPartition("z", 0)).isEmpty());
        List<Long> offsets = new ArrayList<>();
        records.forEach(r -> offsets.add(r.offset()));
        assertEquals(List.of(0L, 1L, 7L, 3L), offsets);
        List<Long> ofA = new ArrayList<>();
        records.records("a").forEach(r -> ofA.add(r.offset()));
        assertEquals(List.of(0L, 1L, 3L), ofA);
        assertThrows(IllegalArgumentException.class, () -> records.records((String) null));
        assertThrows(UnsupportedOperationException.class, () -> records.records(A0).clear());
    }

    @Test
    void recordsHandedOverByThePollAreReadOnlyViewsOfItsLists() {
        Map<TopicPartition, List<ConsumerRecord<String, String>>> byPartition = new LinkedHashMap<>();
        byPartition.put(A0, new ArrayList<>(List.of(record(A0, 0), record(A0, 1))));
        byPartition.put(B0, new ArrayList<>(List.of(record(B0, 7))));
        byPartition.put(A1, new ArrayList<>(List.of(record(A1, 3))));
        ConsumerRecords<String, String> records = ConsumerRecords.handOver(byPartition);

        assertEquals(4, records.count());
        assertEquals(List.of(A0, B0, A1), List.copyOf(records.partitions()));
        assertThrows(UnsupportedOperationException.class, () -> records.partitions().remove(A0));
        assertThrows(UnsupportedOperationException.class, () -> records.records(A0).add(record(A0, 2)));
        List<Long> offsets = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            offsets.add(r.offset());
        }
        assertEquals(List.of(0L, 1L, 7L, 3L), offsets);
        List<Long> ofA = new ArrayList<>();
        records.records("a").forEach(r -> ofA.add(r.offset()));
        assertEquals(List.of(0L, 1L, 3L), ofA, "the topic's partitions need not be next to each other");
        assertFalse(records.records("z").iterator().hasNext());
        Iterator<ConsumerRecord<String, String>> it = records.iterator();
        it.next();
        assertThrows(UnsupportedOperationException.class, it::remove);
        it.next();
        it.next();
        it.next();
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Test
    void emptyRecords() {
        ConsumerRecords<String, String> none = ConsumerRecords.empty();
        assertTrue(none.isEmpty());
        assertEquals(0, none.count());
        assertFalse(none.iterator().hasNext());
    }

    @Test
    void recordDefaultsAndChecks() {
        ConsumerRecord<String, String> r = new ConsumerRecord<>("t", 1, 5, "k", "v");
        assertEquals(ConsumerRecord.NO_TIMESTAMP, r.timestamp());
        assertEquals(TimestampType.NO_TIMESTAMP_TYPE, r.timestampType());
        assertEquals(ConsumerRecord.NULL_SIZE, r.serializedKeySize());
        assertEquals(Optional.empty(), r.leaderEpoch());
        assertEquals(0, r.headers().toArray().length);
        assertThrows(IllegalArgumentException.class, () -> new ConsumerRecord<>(null, 0, 0, "k", "v"));
        assertThrows(IllegalArgumentException.class, () -> new ConsumerRecord<>("t", 0, 0, 0, TimestampType.CREATE_TIME,
                1, 1, "k", "v", null, Optional.empty()));
    }

    @Test
    void offsetAndMetadataRules() {
        assertThrows(IllegalArgumentException.class, () -> new OffsetAndMetadata(-1));
        OffsetAndMetadata plain = new OffsetAndMetadata(10);
        assertEquals("", plain.metadata());
        assertEquals(Optional.empty(), plain.leaderEpoch());
        assertEquals("", new OffsetAndMetadata(10, null).metadata());
        assertEquals(Optional.empty(), new OffsetAndMetadata(10, Optional.of(-1), "m").leaderEpoch());
        assertEquals(Optional.of(3), new OffsetAndMetadata(10, Optional.of(3), "m").leaderEpoch());
        assertEquals(new OffsetAndMetadata(10, Optional.of(3), "m"), new OffsetAndMetadata(10, Optional.of(3), "m"));
        assertNotEquals(new OffsetAndMetadata(10, Optional.of(3), "m"), new OffsetAndMetadata(10, "m"));
    }

    @Test
    void offsetAndTimestampRules() {
        assertThrows(IllegalArgumentException.class, () -> new OffsetAndTimestamp(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new OffsetAndTimestamp(0, -1));
        assertEquals(new OffsetAndTimestamp(4, 5), new OffsetAndTimestamp(4, 5, Optional.empty()));
    }

    @Test
    void groupMetadataOfAMemberThatHasNotJoined() {
        ConsumerGroupMetadata m = new ConsumerGroupMetadata("g");
        assertEquals(-1, m.generationId());
        assertEquals("", m.memberId());
        assertEquals(Optional.empty(), m.groupInstanceId());
        var kafka = new org.apache.kafka.clients.consumer.ConsumerGroupMetadata("g");
        assertEquals(kafka.generationId(), m.generationId());
        assertEquals(kafka.memberId(), m.memberId());
        assertThrows(NullPointerException.class, () -> new ConsumerGroupMetadata(null));
    }

    @Test
    void lostPartitionsAreRevokedByDefault() {
        List<Collection<TopicPartition>> revoked = new ArrayList<>();
        ConsumerRebalanceListener listener = new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                revoked.add(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            }
        };
        listener.onPartitionsLost(List.of(A0));
        assertEquals(List.of(List.of(A0)), revoked);
    }

    @Test
    void offsetResetStrategyNamesMatchKafkas() {
        for (var kafka : org.apache.kafka.clients.consumer.OffsetResetStrategy.values()) {
            assertEquals(kafka.toString(), OffsetResetStrategy.forName(kafka.toString()).toString());
        }
        assertEquals(OffsetResetStrategy.EARLIEST, OffsetResetStrategy.forName(" Earliest "));
        assertThrows(IllegalArgumentException.class, () -> OffsetResetStrategy.forName("middle"));
    }

    @Test
    void invalidOffsetExceptionsNameTheirPartitions() {
        OffsetOutOfRangeException out = new OffsetOutOfRangeException(Map.of(A0, 42L));
        assertEquals(Set.of(A0), out.partitions());
        assertEquals(Map.of(A0, 42L), out.offsetOutOfRangePartitions());
        assertEquals(Set.of(A0, A1), new NoOffsetForPartitionException(List.of(A0, A1)).partitions());
        assertEquals(Set.of(B0), new NoOffsetForPartitionException(B0).partitions());
        assertTrue(new RetriableCommitFailedException(new RuntimeException()) instanceof
                io.samsa.common.errors.RetriableException);
    }

    private static ConsumerRecord<String, String> record(TopicPartition tp, long offset) {
        return new ConsumerRecord<>(tp.topic(), tp.partition(), offset, 1000 + offset, TimestampType.CREATE_TIME, 1, 1,
                "k", "v", new RecordHeaders(), Optional.of(0));
    }
}
