package io.samsa.record;

import java.nio.ByteBuffer;

import static io.samsa.record.BatchLayout.ATTRIBUTES_OFFSET;

/**
 * Re-stamps a built v2 batch with another producer id, epoch and base sequence and recomputes its
 * CRC: an idempotent producer that bumped its epoch must resend unacknowledged batches under the
 * new epoch with new sequences. Stateless.
 */
public final class ProducerStateRewrite {

    private ProducerStateRewrite() {
    }

    /** Rewrites the single batch that starts at {@code batch}'s position, in place. */
    public static void rewrite(ByteBuffer batch, long producerId, short producerEpoch, int baseSequence) {
        int start = batch.position();
        int size = BatchLayout.LOG_OVERHEAD + batch.getInt(start + BatchLayout.LENGTH_OFFSET);
        batch.putLong(start + BatchLayout.PRODUCER_ID_OFFSET, producerId);
        batch.putShort(start + BatchLayout.PRODUCER_EPOCH_OFFSET, producerEpoch);
        batch.putInt(start + BatchLayout.BASE_SEQUENCE_OFFSET, baseSequence);
        long crc = Crc32C.compute(batch, start + ATTRIBUTES_OFFSET, size - ATTRIBUTES_OFFSET);
        ByteUtils.writeUnsignedInt(batch, start + BatchLayout.CRC_OFFSET, crc);
    }
}
