package io.samsa.clients.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.common.TopicPartition;
import io.samsa.common.header.Header;
import io.samsa.common.header.internals.RecordHeader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProducerRecordTest {

    @Test
    void validatesAsKafkaDoes() {
        assertThrows(IllegalArgumentException.class, () -> new ProducerRecord<>(null, "v"));
        assertThrows(IllegalArgumentException.class, () -> new ProducerRecord<>("t", -1, "k", "v"));
        assertThrows(IllegalArgumentException.class, () -> new ProducerRecord<>("t", 0, -1L, "k", "v"));
        new ProducerRecord<>("t", 0, 0L, "k", "v");
        new ProducerRecord<>("t", null, null, null, null, null);
    }

    @Test
    void shortFormsLeaveTheRestUnset() {
        ProducerRecord<String, String> r = new ProducerRecord<>("t", "v");
        assertNull(r.partition());
        assertNull(r.timestamp());
        assertNull(r.key());
        assertEquals(0, r.headers().toArray().length);
        ProducerRecord<String, String> keyed = new ProducerRecord<>("t", "k", "v");
        assertEquals("k", keyed.key());
        assertEquals(new ProducerRecord<>("t", null, null, "k", "v"), keyed);
        assertEquals(new ProducerRecord<>("t", null, null, "k", "v").hashCode(), keyed.hashCode());
    }

    @Test
    void headersAreCopiedAndChangeableUntilSent() {
        List<Header> given = new ArrayList<>(List.of(new RecordHeader("a", new byte[] {1})));
        ProducerRecord<String, String> r = new ProducerRecord<>("t", 1, "k", "v", given);
        given.clear();
        assertEquals(1, r.headers().toArray().length);
        r.headers().add("b", null);
        assertEquals(2, r.headers().toArray().length);
    }

    @Test
    void metadataOffsetIsBasePlusIndexUnlessUnknown() {
        TopicPartition tp = new TopicPartition("t", 2);
        RecordMetadata known = new RecordMetadata(tp, 100, 5, 1234, 3, 4);
        assertEquals(105, known.offset());
        assertTrue(known.hasOffset());
        assertTrue(known.hasTimestamp());
        assertEquals("t", known.topic());
        assertEquals(2, known.partition());
        RecordMetadata acksZero = new RecordMetadata(tp, -1, 5, -1, -1, 4);
        assertEquals(-1, acksZero.offset());
        assertFalse(acksZero.hasOffset());
        assertFalse(acksZero.hasTimestamp());
        assertEquals("t-2@105", known.toString());
    }
}
