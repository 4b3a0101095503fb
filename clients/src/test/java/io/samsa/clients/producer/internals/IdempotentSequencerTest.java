package io.samsa.clients.producer.internals;

import io.samsa.common.TopicPartition;
import io.samsa.record.CompressionType;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdempotentSequencerTest {

    private static final TopicPartition TP = new TopicPartition("t", 0);

    private static ProducerBatch batch(int records) {
        ProducerBatch b = new ProducerBatch(TP, CompressionType.NONE, Integer.MIN_VALUE, 1 << 20, ByteBuffer.allocate(1 << 20), 0);
        for (int i = 0; i < records; i++) {
            b.tryAppend(0, null, new byte[1], null, null);
        }
        return b;
    }

    @Test
    void sequencesAreConsecutivePerPartition() {
        IdempotentSequencer s = new IdempotentSequencer(5);
        assertFalse(s.maySend(batch(1)), "nothing goes before a producer id");
        s.setProducerId(1, (short) 0);
        ProducerBatch a = batch(3);
        ProducerBatch b = batch(2);
        s.stamp(a);
        s.stamp(b);
        assertEquals(0, a.baseSequence());
        assertEquals(2, a.lastSequence());
        assertEquals(3, b.baseSequence());
        assertEquals(1, a.producerId());
    }

    @Test
    void outOfOrderIsRetriableOnlyBehindAnUnacknowledgedBatch() {
        IdempotentSequencer s = new IdempotentSequencer(5);
        s.setProducerId(1, (short) 0);
        ProducerBatch a = batch(1);
        ProducerBatch b = batch(1);
        s.stamp(a);
        s.stamp(b);
        assertTrue(s.isAfterUnacknowledgedBatch(b), "a is not acknowledged yet");
        assertFalse(s.isAfterUnacknowledgedBatch(a), "a is next in line: a real gap");
        s.onAcknowledged(a);
        assertFalse(s.isAfterUnacknowledgedBatch(b));
    }

    @Test
    void aBatchFailingWithASequenceBumpsTheEpochAndRenumbers() {
        IdempotentSequencer s = new IdempotentSequencer(5);
        s.setProducerId(1, (short) 0);
        ProducerBatch a = batch(1);
        ProducerBatch b = batch(1);
        s.stamp(a);
        s.stamp(b);
        s.onFailed(a);
        assertTrue(s.isResetRequested());
        assertFalse(s.maySend(batch(1)));
        assertFalse(s.tryBumpEpoch(), "b is still in flight");
        s.onRetry(b);
        assertEquals(0, s.inFlight());
        assertTrue(s.tryBumpEpoch());
        b.retry = true;
        assertTrue(s.maySend(b));
        s.stamp(b);
        assertEquals(1, b.producerId());
        assertEquals(1, b.producerEpoch(), "the epoch is bumped (KIP-360)");
        assertEquals(0, b.baseSequence(), "renumbered under the new epoch");
    }

    @Test
    void anExhaustedEpochNeedsANewProducerId() {
        IdempotentSequencer s = new IdempotentSequencer(5);
        s.setProducerId(1, Short.MAX_VALUE);
        s.requestReset();
        assertFalse(s.tryBumpEpoch());
        assertFalse(s.hasProducerId());
    }
}
