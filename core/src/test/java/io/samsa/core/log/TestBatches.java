package io.samsa.core.log;

import io.samsa.record.BatchLayout;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/** Builds small valid uncompressed RecordBatch v2 buffers for tests, CRC-32C included. */
final class TestBatches {

    private TestBatches() {
    }

    /** One batch of {@code records} records, each with a value of {@code valueSize} bytes, all at {@code timestamp}. */
    static ByteBuffer batch(int records, int valueSize, long timestamp) {
        long[] ts = new long[records];
        java.util.Arrays.fill(ts, timestamp);
        return batchWithTimestamps(valueSize, ts);
    }

    /** One batch with one record per timestamp. */
    static ByteBuffer batchWithTimestamps(int valueSize, long... timestamps) {
        long base = timestamps[0];
        long max = Long.MIN_VALUE;
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        for (int i = 0; i < timestamps.length; i++) {
            max = Math.max(max, timestamps[i]);
            byte[] key = ("k" + i).getBytes(StandardCharsets.UTF_8);
            byte[] value = new byte[valueSize];
            java.util.Arrays.fill(value, (byte) ('a' + i % 26));
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(0); // attributes
            writeVarlong(body, timestamps[i] - base);
            writeVarint(body, i);
            writeVarint(body, key.length);
            body.writeBytes(key);
            writeVarint(body, value.length);
            body.writeBytes(value);
            writeVarint(body, 0); // headers
            writeVarint(records, body.size());
            records.writeBytes(body.toByteArray());
        }
        byte[] recordBytes = records.toByteArray();
        ByteBuffer buf = ByteBuffer.allocate(BatchLayout.HEADER_SIZE + recordBytes.length);
        buf.putLong(BatchLayout.BASE_OFFSET_OFFSET, 0L);
        buf.putInt(BatchLayout.LENGTH_OFFSET, buf.capacity() - BatchLayout.LOG_OVERHEAD);
        buf.putInt(BatchLayout.PARTITION_LEADER_EPOCH_OFFSET, BatchLayout.NO_PARTITION_LEADER_EPOCH);
        buf.put(BatchLayout.MAGIC_OFFSET, BatchLayout.MAGIC_V2);
        buf.putShort(BatchLayout.ATTRIBUTES_OFFSET, (short) 0);
        buf.putInt(BatchLayout.LAST_OFFSET_DELTA_OFFSET, timestamps.length - 1);
        buf.putLong(BatchLayout.BASE_TIMESTAMP_OFFSET, base);
        buf.putLong(BatchLayout.MAX_TIMESTAMP_OFFSET, max);
        buf.putLong(BatchLayout.PRODUCER_ID_OFFSET, BatchLayout.NO_PRODUCER_ID);
        buf.putShort(BatchLayout.PRODUCER_EPOCH_OFFSET, BatchLayout.NO_PRODUCER_EPOCH);
        buf.putInt(BatchLayout.BASE_SEQUENCE_OFFSET, BatchLayout.NO_SEQUENCE);
        buf.putInt(BatchLayout.RECORDS_COUNT_OFFSET, timestamps.length);
        buf.position(BatchLayout.RECORDS_OFFSET);
        buf.put(recordBytes);
        buf.clear();
        reseal(buf, 0);
        return buf;
    }

    /** Recomputes the CRC of the batch at {@code at} after a test edited it. */
    static void reseal(ByteBuffer buf, int at) {
        int size = buf.getInt(at + BatchLayout.LENGTH_OFFSET) + BatchLayout.LOG_OVERHEAD;
        CRC32C crc = new CRC32C();
        ByteBuffer view = buf.duplicate();
        view.limit(at + size).position(at + BatchLayout.ATTRIBUTES_OFFSET);
        crc.update(view);
        buf.putInt(at + BatchLayout.CRC_OFFSET, (int) crc.getValue());
    }

    /** The buffers back to back in a new buffer. */
    static ByteBuffer concat(ByteBuffer... parts) {
        int total = 0;
        for (ByteBuffer p : parts) {
            total += p.remaining();
        }
        ByteBuffer out = ByteBuffer.allocate(total);
        for (ByteBuffer p : parts) {
            out.put(p.duplicate());
        }
        return out.flip();
    }

    /** {@code count} batches of one record each. */
    static ByteBuffer batches(int count, int valueSize, long timestamp) {
        ByteBuffer[] parts = new ByteBuffer[count];
        for (int i = 0; i < count; i++) {
            parts[i] = batch(1, valueSize, timestamp);
        }
        return concat(parts);
    }

    static void writeVarint(ByteArrayOutputStream out, int value) {
        int v = (value << 1) ^ (value >> 31);
        while ((v & ~0x7f) != 0) {
            out.write((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    static void writeVarlong(ByteArrayOutputStream out, long value) {
        long v = (value << 1) ^ (value >> 63);
        while ((v & ~0x7fL) != 0) {
            out.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
