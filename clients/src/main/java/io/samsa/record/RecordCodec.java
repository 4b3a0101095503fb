package io.samsa.record;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Encodes and decodes one record inside a v2 batch:
 *
 * <pre>
 * length varint | attributes int8 | timestampDelta varlong | offsetDelta varint |
 * keyLength varint | key | valueLength varint | value |
 * headerCount varint | (headerKeyLength varint | headerKey | headerValueLength varint | headerValue)*
 * </pre>
 *
 * Lengths of -1 mean null (never for a header key). Stateless, so thread-safe.
 */
final class RecordCodec {

    /** The smallest possible record: every varint one byte, null key and value, no headers. */
    static final int MIN_RECORD_SIZE = 7;

    private RecordCodec() {
    }

    /** Size of the record body, the part counted by the leading length varint. */
    static int bodySize(int offsetDelta, long timestampDelta, ByteBuffer key, ByteBuffer value,
                        Header[] headers) {
        int size = 1 + ByteUtils.sizeOfVarlong(timestampDelta) + ByteUtils.sizeOfVarint(offsetDelta)
            + sizeOfNullable(key) + sizeOfNullable(value);
        int headerCount = headers == null ? 0 : headers.length;
        size += ByteUtils.sizeOfVarint(headerCount);
        for (int i = 0; i < headerCount; i++) {
            Header header = headers[i];
            if (header == null) {
                throw new IllegalArgumentException("Null header at index " + i);
            }
            int keyLength = header.keyUtf8().length;
            size += ByteUtils.sizeOfVarint(keyLength) + keyLength + sizeOfNullable(header.rawValue());
        }
        return size;
    }

    /** Full encoded size of a record whose body is {@code bodySize} bytes. */
    static int totalSize(int bodySize) {
        return ByteUtils.sizeOfVarint(bodySize) + bodySize;
    }

    /** Writes one record; {@code out} must have {@link #totalSize(int)} bytes remaining. */
    static void write(ByteBuffer out, int bodySize, int offsetDelta, long timestampDelta,
                      ByteBuffer key, ByteBuffer value, Header[] headers) {
        ByteUtils.writeVarint(bodySize, out);
        out.put((byte) 0); // record attributes: unused by v2
        ByteUtils.writeVarlong(timestampDelta, out);
        ByteUtils.writeVarint(offsetDelta, out);
        writeNullable(key, out);
        writeNullable(value, out);
        int headerCount = headers == null ? 0 : headers.length;
        ByteUtils.writeVarint(headerCount, out);
        for (int i = 0; i < headerCount; i++) {
            byte[] headerKey = headers[i].keyUtf8();
            ByteUtils.writeVarint(headerKey.length, out);
            out.put(headerKey);
            writeNullable(headers[i].rawValue(), out);
        }
    }

    /**
     * Reads the record at {@code in}'s position and advances past it. Key, value and header
     * values are slices of {@code in}.
     *
     * @param logAppendTime the batch's append time, or {@link BatchLayout#NO_TIMESTAMP} when
     *                      record timestamps are deltas from {@code baseTimestamp}
     * @throws CorruptRecordException if the bytes do not form a record that fits in {@code in}
     */
    static Record read(ByteBuffer in, long baseOffset, long baseTimestamp, int baseSequence,
                       long logAppendTime) {
        int start = in.position();
        int outerLimit = in.limit();
        try {
            int bodySize = ByteUtils.readVarint(in);
            if (bodySize < 0 || bodySize > in.remaining()) {
                throw new CorruptRecordException("Record at position " + start + " declares body size "
                    + bodySize + " but " + in.remaining() + " bytes remain");
            }
            int end = in.position() + bodySize;
            // Confine reads to this record so a bad length inside it cannot reach the next one.
            in.limit(end);
            in.get(); // attributes
            long timestampDelta = ByteUtils.readVarlong(in);
            int offsetDelta = ByteUtils.readVarint(in);
            ByteBuffer key = readNullable(in, "key");
            ByteBuffer value = readNullable(in, "value");
            Header[] headers = readHeaders(in);
            if (in.hasRemaining()) {
                throw new CorruptRecordException("Record at position " + start + " has "
                    + in.remaining() + " unread bytes after its headers");
            }
            long timestamp = logAppendTime != BatchLayout.NO_TIMESTAMP ? logAppendTime
                : baseTimestamp + timestampDelta;
            int sequence = RecordBatch.sequenceAfter(baseSequence, offsetDelta);
            return new Record(baseOffset + offsetDelta, sequence, timestamp, key, value, headers,
                end - start);
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new CorruptRecordException("Malformed record at position " + start + ": " + e, e);
        } finally {
            in.limit(outerLimit);
        }
    }

    private static Header[] readHeaders(ByteBuffer in) {
        int count = ByteUtils.readVarint(in);
        if (count < 0 || count > in.remaining() / 2) {
            // Every header takes at least two bytes, so a larger count is garbage.
            throw new CorruptRecordException("Invalid header count " + count);
        }
        if (count == 0) {
            return Header.EMPTY;
        }
        Header[] headers = new Header[count];
        for (int i = 0; i < count; i++) {
            int keyLength = ByteUtils.readVarint(in);
            if (keyLength < 0 || keyLength > in.remaining()) {
                throw new CorruptRecordException("Invalid header key length " + keyLength);
            }
            String key = decodeUtf8(in, keyLength);
            ByteBuffer value = readNullable(in, "header value");
            headers[i] = new Header(key, null, value);
        }
        return headers;
    }

    private static String decodeUtf8(ByteBuffer in, int length) {
        int position = in.position();
        String s;
        if (in.hasArray()) {
            s = new String(in.array(), in.arrayOffset() + position, length, StandardCharsets.UTF_8);
        } else {
            byte[] bytes = new byte[length];
            in.get(position, bytes);
            s = new String(bytes, StandardCharsets.UTF_8);
        }
        in.position(position + length);
        return s;
    }

    private static ByteBuffer readNullable(ByteBuffer in, String what) {
        int length = ByteUtils.readVarint(in);
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.remaining()) {
            throw new CorruptRecordException("Invalid " + what + " length " + length + " with "
                + in.remaining() + " bytes left in the record");
        }
        int position = in.position();
        ByteBuffer slice = in.slice(position, length);
        in.position(position + length);
        return slice;
    }

    private static int sizeOfNullable(ByteBuffer b) {
        if (b == null) {
            return 1;
        }
        int length = b.remaining();
        return ByteUtils.sizeOfVarint(length) + length;
    }

    private static void writeNullable(ByteBuffer b, ByteBuffer out) {
        if (b == null) {
            ByteUtils.writeVarint(-1, out);
        } else {
            ByteUtils.writeVarint(b.remaining(), out);
            out.put(b.duplicate());
        }
    }
}
