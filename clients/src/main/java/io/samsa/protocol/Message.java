package io.samsa.protocol;

import java.nio.ByteBuffer;
import java.util.function.IntConsumer;

/**
 * A generated protocol message or nested struct (see {@code io.samsa.protocol.message}): reads,
 * sizes and writes itself at any version of its schema. Implementations are mutable values and
 * not thread-safe.
 */
public interface Message {

    /**
     * Replaces every field with what the buffer holds at {@code version}, from its position,
     * leaving the position after the value. Malformed input throws {@link ProtocolException}
     * (or a {@link java.nio.BufferUnderflowException} when the buffer ends early).
     */
    void read(ByteBuffer in, short version);

    /**
     * The encoded size at {@code version}. Throws {@link UnsupportedVersionException} when a value
     * cannot be written there: a non-default value of a field the version lacks (unless the field
     * is ignorable), or a null where the version does not allow one.
     */
    int size(short version);

    /** Writes the value at {@code version}; fails as {@link #size} does. */
    void write(ProtocolSink out, short version);

    /**
     * Calls {@code sink} with every {@code error_code} in this value and the structs within it,
     * depth first in field order, {@code NONE} included; nothing for a message without one (every
     * request). What a broker counts as its responses' errors.
     */
    default void forEachErrorCode(IntConsumer sink) {
    }
}
