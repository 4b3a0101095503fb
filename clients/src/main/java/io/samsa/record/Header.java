package io.samsa.record;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One record header: a non-null UTF-8 string key and a nullable binary value. Immutable as long
 * as nobody writes into the buffer it was built from, so safe to share between threads.
 */
public final class Header {

    public static final Header[] EMPTY = new Header[0];

    private final String key;
    private final ByteBuffer value;
    /** The UTF-8 key, encoded once: a header written to many batches is encoded once. */
    private byte[] keyUtf8;

    public Header(String key, ByteBuffer value) {
        this.key = Objects.requireNonNull(key, "header key");
        this.value = value == null ? null : value.slice();
    }

    public Header(String key, byte[] value) {
        this(key, value == null ? null : ByteBuffer.wrap(value));
    }

    Header(String key, byte[] keyUtf8, ByteBuffer value) {
        this.key = key;
        this.keyUtf8 = keyUtf8;
        this.value = value;
    }

    public String key() {
        return key;
    }

    /** The value as a new array, or null. */
    public byte[] value() {
        return ByteUtils.toArray(value);
    }

    /** The value as a buffer positioned at its first byte (a view, not a copy), or null. */
    public ByteBuffer valueBuffer() {
        return value == null ? null : value.duplicate();
    }

    /** Length of the value in bytes, or -1 when it is null. */
    public int valueSize() {
        return value == null ? -1 : value.remaining();
    }

    byte[] keyUtf8() {
        byte[] bytes = keyUtf8;
        if (bytes == null) {
            bytes = key.getBytes(StandardCharsets.UTF_8);
            keyUtf8 = bytes;
        }
        return bytes;
    }

    ByteBuffer rawValue() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Header)) {
            return false;
        }
        Header other = (Header) o;
        return key.equals(other.key) && Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return "Header(key=" + key + ", value=" + (value == null ? "null" : Arrays.toString(value())) + ")";
    }
}
