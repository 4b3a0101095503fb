package io.samsa.core.log;

import io.samsa.record.BatchLayout;
import io.samsa.record.CompressionType;
import io.samsa.record.RecordFormatException;
import io.samsa.record.RecordBatch;

import java.nio.ByteBuffer;

/**
 * A topic's {@code compression.type} applied to produced batches: with a codec named (or
 * {@code uncompressed}), every batch in another codec is decompressed and written again in the
 * topic's codec at its configured level, as Kafka does; a batch already in that codec, and every
 * batch under {@code producer}, is stored exactly as produced. Run after validation (the CRC has
 * been checked) and before offsets are assigned. Stateless; thread-safe.
 */
final class TopicCompression {

    private TopicCompression() {
    }

    /**
     * The batches from position to limit of {@code batches} as the topic stores them: the same
     * buffer when nothing needs re-encoding, else a new one.
     *
     * @throws RecordFormatException if a batch's records cannot be read
     */
    static ByteBuffer apply(ByteBuffer batches, LogConfig config) {
        CompressionType target = config.storedCompression();
        if (target == null || allIn(batches, target)) {
            return batches;
        }
        int level = config.compressionLevel(target);
        ByteBuffer out = ByteBuffer.allocate(batches.remaining());
        int end = batches.limit();
        for (int at = batches.position(); at < end; ) {
            int size = BatchHeaders.sizeInBytes(batches, at);
            ByteBuffer one = batches.duplicate();
            one.position(at).limit(at + size);
            ByteBuffer stored = codecOf(batches, at) == target ? one
                    : rebuilt(new RecordBatch(one), target, level);
            out = ensureRoom(out, stored.remaining());
            out.put(stored);
            at += size;
        }
        out.flip();
        return out;
    }

    private static ByteBuffer rebuilt(RecordBatch batch, CompressionType target, int level) {
        return BatchRebuilder.rebuild(batch, batch, target, level, BatchLayout.NO_TIMESTAMP);
    }

    private static boolean allIn(ByteBuffer batches, CompressionType target) {
        int end = batches.limit();
        for (int at = batches.position(); at < end; at += BatchHeaders.sizeInBytes(batches, at)) {
            if (codecOf(batches, at) != target) {
                return false;
            }
        }
        return true;
    }

    private static CompressionType codecOf(ByteBuffer batches, int at) {
        return CompressionType.forId(BatchHeaders.compressionCodec(BatchHeaders.attributes(batches, at)));
    }

    /** {@code out}, or a larger copy of it when {@code more} bytes do not fit (decompressed batches grow). */
    private static ByteBuffer ensureRoom(ByteBuffer out, int more) {
        if (out.remaining() >= more) {
            return out;
        }
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + more));
        out.flip();
        bigger.put(out);
        return bigger;
    }
}
