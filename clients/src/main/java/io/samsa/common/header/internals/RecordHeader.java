package io.samsa.common.header.internals;

import io.samsa.common.header.Header;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The standard {@link Header}: a key and a value array. Built from buffers (as the consumer does
 * for each fetched record) it decodes them on first access only. Not thread-safe until
 * {@link #key()} and {@link #value()} have been called once; immutable from then on.
 */
public final class RecordHeader implements Header {

    private String key;
    private ByteBuffer keyBuffer;
    private byte[] value;
    private ByteBuffer valueBuffer;

    /** A header with this key (not null) and value (may be null); the array is not copied. */
    public RecordHeader(String key, byte[] value) {
        this.key = Objects.requireNonNull(key, "header key");
        this.value = value;
    }

    /**
     * A header over the remaining bytes of two buffers (UTF-8 key, value or null); decoded when
     * first read, so headers a consumer never looks at cost no copies.
     */
    public RecordHeader(ByteBuffer keyBuffer, ByteBuffer valueBuffer) {
        this.keyBuffer = Objects.requireNonNull(keyBuffer, "header key").slice();
        this.valueBuffer = valueBuffer == null ? null : valueBuffer.slice();
    }

    @Override
    public String key() {
        if (key == null) {
            ByteBuffer b = keyBuffer.duplicate();
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            key = new String(bytes, StandardCharsets.UTF_8);
            keyBuffer = null;
        }
        return key;
    }

    @Override
    public byte[] value() {
        if (value == null && valueBuffer != null) {
            ByteBuffer b = valueBuffer.duplicate();
            value = new byte[b.remaining()];
            b.get(value);
            valueBuffer = null;
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordHeader other && key().equals(other.key()) && Arrays.equals(value(), other.value());
    }

    @Override
    public int hashCode() {
        return 31 * key().hashCode() + Arrays.hashCode(value());
    }

    @Override
    public String toString() {
        return "RecordHeader(key = " + key() + ", value = " + Arrays.toString(value()) + ")";
    }
}
