package io.samsa.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Deep iteration over a legacy message set: uncompressed messages are returned as they are, and
 * each wrapper is decompressed (bounded as v2 batches are, by {@link Decompression}) and its inner
 * messages returned with absolute offsets. Every message's CRC is checked before it is used, a
 * wrapper's before its value is decompressed; a mismatch, truncation or undecodable payload
 * raises {@link CorruptRecordException}. Kafka's rules for wrappers are enforced too, with
 * {@link InvalidRecordException} as Kafka answers them with INVALID_RECORD: a wrapper has a
 * value holding at least one inner message, and inner messages have the wrapper's magic and are
 * not compressed themselves. Not thread-safe.
 */
final class LegacyRecordIterator implements Iterator<LegacyRecord> {

    private final LegacyEntryIterator entries;
    /** Records of the wrapper being returned; filled whole because magic 1 offsets need its last one. */
    private final ArrayDeque<LegacyRecord> pending = new ArrayDeque<>();

    LegacyRecordIterator(ByteBuffer buffer) {
        this.entries = new LegacyEntryIterator(buffer);
    }

    @Override
    public boolean hasNext() {
        while (pending.isEmpty()) {
            if (!entries.hasNext()) {
                return false;
            }
            expand(entries.next());
        }
        return true;
    }

    @Override
    public LegacyRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return pending.poll();
    }

    private void expand(LegacyMessage message) {
        message.ensureValid();
        CompressionType compression = message.compressionType();
        if (compression == CompressionType.NONE) {
            pending.add(new LegacyRecord(message.magic(), message.offset(), message.timestamp(),
                message.timestampType(), message.key(), message.value()));
            return;
        }
        List<LegacyMessage> inner = innerMessages(message, compression);
        // Magic 1 inner offsets are relative and the wrapper carries the absolute offset of the
        // last one; magic 0 inner offsets are absolute already.
        long delta = message.magic() == LegacyLayout.MAGIC_V0 ? 0
            : message.offset() - inner.get(inner.size() - 1).offset();
        boolean logAppendTime = message.timestampType() == TimestampType.LOG_APPEND_TIME;
        for (LegacyMessage m : inner) {
            long timestamp = logAppendTime ? message.timestamp() : m.timestamp();
            pending.add(new LegacyRecord(m.magic(), m.offset() + delta, timestamp, message.timestampType(),
                m.key(), m.value()));
        }
    }

    private static List<LegacyMessage> innerMessages(LegacyMessage wrapper, CompressionType compression) {
        ByteBuffer compressed = wrapper.value();
        if (compressed == null) {
            throw new InvalidRecordException("Compressed magic " + wrapper.magic() + " message at offset "
                + wrapper.offset() + " has a null value");
        }
        ByteBuffer decompressed;
        try (InputStream in = LegacyCompression.wrapForInput(compression, compressed, wrapper.magic())) {
            decompressed = Decompression.readFully(in, compressed.remaining());
        } catch (IOException | RuntimeException e) {
            throw new CorruptRecordException("Cannot decompress " + compression + " magic " + wrapper.magic()
                + " message at offset " + wrapper.offset() + ": " + e.getMessage(), e);
        }
        List<LegacyMessage> inner = new ArrayList<>();
        LegacyEntryIterator it = new LegacyEntryIterator(decompressed);
        while (it.hasNext()) {
            LegacyMessage m = it.next();
            if (m.magic() != wrapper.magic()) {
                throw new InvalidRecordException("Magic " + m.magic() + " message inside the magic "
                    + wrapper.magic() + " wrapper at offset " + wrapper.offset() + ": inner magic must match");
            }
            m.ensureValid();
            if (m.isCompressed()) {
                throw new InvalidRecordException("Compressed message inside the wrapper at offset "
                    + wrapper.offset() + ": wrappers cannot be nested");
            }
            inner.add(m);
        }
        if (inner.isEmpty()) {
            throw new InvalidRecordException("Compressed magic " + wrapper.magic() + " message at offset "
                + wrapper.offset() + " holds no messages");
        }
        return inner;
    }
}
