package io.samsa.record;

import static io.samsa.record.LegacyLayout.LOG_OVERHEAD;
import static io.samsa.record.LegacyLayout.MESSAGE_OVERHEAD_V0;
import static io.samsa.record.LegacyLayout.SIZE_OFFSET;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Shallow iteration over the entries of a legacy message set: one {@link LegacyMessage} view per
 * entry, wrappers not opened, CRCs not checked. Strict about the end: legacy sets reach the
 * broker only in produce requests and inside wrappers, where a cut-off entry means corruption
 * (unlike a v2 fetch response, which may end with a partial batch), so bytes that do not form a
 * whole entry raise {@link CorruptRecordException}. Not thread-safe.
 */
final class LegacyEntryIterator implements Iterator<LegacyMessage> {

    private final ByteBuffer buffer;
    private int position;
    private LegacyMessage next;

    /** @param buffer the entries, from position 0 to the limit (not modified) */
    LegacyEntryIterator(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    @Override
    public boolean hasNext() {
        if (next == null && position < buffer.limit()) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public LegacyMessage next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        LegacyMessage message = next;
        next = null;
        return message;
    }

    private LegacyMessage advance() {
        int remaining = buffer.limit() - position;
        if (remaining < LOG_OVERHEAD) {
            throw new CorruptRecordException("Legacy message set ends with " + remaining
                + " bytes at position " + position + ", too few for an entry header");
        }
        int size = buffer.getInt(position + SIZE_OFFSET);
        if (size < MESSAGE_OVERHEAD_V0) {
            throw new CorruptRecordException("Legacy message at position " + position + " declares size " + size
                + ", below the minimum of " + MESSAGE_OVERHEAD_V0);
        }
        if (size > remaining - LOG_OVERHEAD) {
            throw new CorruptRecordException("Legacy message at position " + position + " declares size " + size
                + " but only " + (remaining - LOG_OVERHEAD) + " bytes follow (truncated message set)");
        }
        LegacyMessage message = new LegacyMessage(buffer.slice(position, LOG_OVERHEAD + size));
        position += LOG_OVERHEAD + size;
        return message;
    }
}
