package io.samsa.record;

import java.nio.ByteBuffer;

/**
 * The key and value of a record or message as views of its bytes, each possibly null; shared by
 * the v2 {@link Record} and the legacy {@link LegacyRecord} and {@link LegacyMessage}. Immutable
 * from the outside.
 */
abstract class KeyValueView {

    private final ByteBuffer key;
    private final ByteBuffer value;

    KeyValueView(ByteBuffer key, ByteBuffer value) {
        this.key = key;
        this.value = value;
    }

    public boolean hasKey() {
        return key != null;
    }

    /** The key as a view positioned at its first byte, or null. */
    public ByteBuffer key() {
        return key == null ? null : key.duplicate();
    }

    /** Key length in bytes, or -1 for a null key. */
    public int keySize() {
        return key == null ? -1 : key.remaining();
    }

    public boolean hasValue() {
        return value != null;
    }

    /** The value as a view positioned at its first byte, or null (a tombstone, or a wrapper without data). */
    public ByteBuffer value() {
        return value == null ? null : value.duplicate();
    }

    /** Value length in bytes, or -1 for a null value. */
    public int valueSize() {
        return value == null ? -1 : value.remaining();
    }
}
