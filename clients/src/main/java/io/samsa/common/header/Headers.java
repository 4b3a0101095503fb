package io.samsa.common.header;

/**
 * The ordered headers of one record. A producer record's headers may be changed until the record
 * is handed to {@code send}, which makes them read-only: {@link #add} and {@link #remove} (also
 * through the iterator) then throw {@link IllegalStateException}, because the record is already
 * being serialized. Implementations are not thread-safe: change them from one thread only.
 */
public interface Headers extends Iterable<Header> {

    /**
     * Appends a header.
     *
     * @return this object, for chaining
     * @throws IllegalStateException if the headers are read-only
     * @throws NullPointerException if {@code header} is null
     */
    Headers add(Header header);

    /**
     * Appends a header with this key and value.
     *
     * @return this object, for chaining
     * @throws IllegalStateException if the headers are read-only
     * @throws NullPointerException if {@code key} is null
     */
    Headers add(String key, byte[] value);

    /**
     * Removes every header with this key.
     *
     * @return this object, for chaining
     * @throws IllegalStateException if the headers are read-only
     * @throws IllegalArgumentException if {@code key} is null
     */
    Headers remove(String key);

    /** The header added last with this key, or null if there is none. */
    Header lastHeader(String key);

    /** The headers with this key, in the order they were added (a live view). */
    Iterable<Header> headers(String key);

    /** All headers, in order, as a new array (empty when there are none). */
    Header[] toArray();
}
