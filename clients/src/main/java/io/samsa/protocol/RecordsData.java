package io.samsa.protocol;

/**
 * The value of a RECORDS field when writing: record batches that the sink copies or sends as
 * they are, without the codec looking inside. Implementations are immutable.
 */
public interface RecordsData {

    /** Number of bytes the sink will emit for these records. */
    int sizeInBytes();
}
