package io.samsa.core.log;

/**
 * How far a fetch may read: followers read to the log end offset, consumers to the high
 * watermark. (Transactional isolation, bounded by the last stable offset, comes with
 * transactions.) Immutable.
 */
public enum FetchIsolation {
    LOG_END,
    HIGH_WATERMARK
}
