package io.samsa.common.header;

/**
 * One record header: a string key and an optional binary value. Keys need not be unique within a
 * record; the order of headers is kept. Implementations are immutable unless they say otherwise.
 */
public interface Header {

    /** The key, never null. */
    String key();

    /** The value, or null when the header has none. Callers must not modify the array. */
    byte[] value();
}
