package io.samsa.clients.producer.internals;

import io.samsa.record.Header;

/**
 * Upper bounds of a record's encoded size, for deciding whether it fits a batch and whether it
 * exceeds {@code max.request.size} before any encoding is done. Stateless.
 */
final class RecordSizes {

    /** Record framing: length, attributes, timestamp and offset deltas, key/value lengths, header count (varints at worst). */
    private static final int RECORD_OVERHEAD_MAX = 5 + 1 + 10 + 5 + 5 + 5 + 5;

    private RecordSizes() {
    }

    static int estimate(byte[] key, byte[] value, Header[] headers) {
        int size = RECORD_OVERHEAD_MAX + (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
        if (headers != null) {
            for (Header h : headers) {
                size += 10 + h.key().length() * 3 + (h.value() == null ? 0 : h.value().length);
            }
        }
        return size;
    }
}
