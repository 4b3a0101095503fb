package io.samsa.core.log;

import io.samsa.record.BatchLayout;
import io.samsa.record.ByteUtils;
import io.samsa.record.Record;
import io.samsa.record.RecordBatch;
import io.samsa.record.RecordFormatException;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * Checks that every record of a produced batch has a key, which a compacted topic needs (Kafka
 * refuses keyless records there with INVALID_RECORD). Runs only for compacted topics, so the
 * produce path of other topics never pays for it. An uncompressed batch is walked in place,
 * reading only each record's length and the varints in front of its key; a compressed one has
 * to be decompressed. Stateless; thread-safe.
 */
final class RecordKeyCheck {

    /** What the check found. */
    enum Result { ALL_KEYED, KEYLESS_RECORD, MALFORMED }

    private RecordKeyCheck() {
    }

    /** Checks the batch of {@code size} bytes at {@code at}, whose header is already validated. */
    static Result check(ByteBuffer buf, int at, int size) {
        short attributes = BatchHeaders.attributes(buf, at);
        int count = BatchHeaders.recordsCount(buf, at);
        try {
            if (BatchHeaders.compressionCodec(attributes) == 0) {
                return checkUncompressed(buf, at, size, count);
            }
            RecordBatch batch = new RecordBatch(buf.duplicate().limit(at + size).position(at));
            for (Record r : batch) {
                if (!r.hasKey()) {
                    return Result.KEYLESS_RECORD;
                }
            }
            return Result.ALL_KEYED;
        } catch (RecordFormatException | BufferUnderflowException | IllegalArgumentException
                 | IndexOutOfBoundsException e) {
            return Result.MALFORMED;
        }
    }

    private static Result checkUncompressed(ByteBuffer buf, int at, int size, int count) {
        ByteBuffer in = buf.duplicate();
        int end = at + size;
        int position = at + BatchLayout.RECORDS_OFFSET;
        for (int i = 0; i < count; i++) {
            in.limit(end).position(position);
            int length = ByteUtils.readVarint(in);
            int recordStart = in.position();
            if (length < 0 || length > end - recordStart) {
                return Result.MALFORMED;
            }
            in.limit(recordStart + length);
            in.get(); // attributes
            ByteUtils.readVarlong(in); // timestamp delta
            ByteUtils.readVarint(in); // offset delta
            if (ByteUtils.readVarint(in) < 0) {
                return Result.KEYLESS_RECORD;
            }
            position = recordStart + length;
        }
        return position == end ? Result.ALL_KEYED : Result.MALFORMED;
    }
}
