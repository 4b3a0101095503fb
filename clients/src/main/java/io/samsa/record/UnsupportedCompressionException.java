package io.samsa.record;

/**
 * Raised when records cannot be rewritten in a requested format because that format has no way
 * to express their codec: a zstd batch cannot become a magic 0 or 1 message set, since zstd was
 * added with RecordBatch v2. The broker answers UNSUPPORTED_COMPRESSION_TYPE, as Kafka does for
 * zstd data fetched by a pre-2.1 client. Immutable, so thread-safe.
 */
public class UnsupportedCompressionException extends RecordFormatException {

    private static final long serialVersionUID = 1L;

    private final CompressionType compressionType;

    public UnsupportedCompressionException(CompressionType compressionType, String message) {
        super(message);
        this.compressionType = compressionType;
    }

    /** The codec that cannot be expressed. */
    public CompressionType compressionType() {
        return compressionType;
    }
}
