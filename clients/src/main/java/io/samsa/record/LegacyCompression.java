package io.samsa.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

import io.samsa.record.compress.Lz4Codec;

/**
 * Opens codec streams for the value of a legacy wrapper message. gzip and snappy are framed as
 * for v2 (snappy in xerial's stream framing, which Kafka used for every magic). LZ4 differs by
 * magic: Kafka clients before 0.10 computed the frame-descriptor checksum over the frame magic
 * too (KAFKA-3160), so for magic 0 the checksum is not verified on read, and is written that
 * broken way, as Kafka still writes it for magic 0, because those clients verify it. zstd does
 * not exist for magic 0 and 1. Stateless, so thread-safe.
 */
final class LegacyCompression {

    private LegacyCompression() {
    }

    /**
     * A decompressing stream over the remaining bytes of {@code compressed}.
     *
     * @throws IllegalArgumentException for NONE and ZSTD, which no wrapper may carry
     */
    static InputStream wrapForInput(CompressionType type, ByteBuffer compressed, byte magic) throws IOException {
        switch (type) {
            case GZIP:
            case SNAPPY:
                return type.wrapForInput(compressed);
            case LZ4:
                return Lz4Codec.wrapForInput(compressed, magic == LegacyLayout.MAGIC_V0);
            default:
                throw new IllegalArgumentException("No legacy wrapper is compressed with " + type);
        }
    }

    /**
     * A compressing stream at {@code level} (ignored by snappy); closing it finishes the stream
     * and closes {@code out}.
     *
     * @throws IllegalArgumentException for NONE and ZSTD, or an invalid level
     */
    static OutputStream wrapForOutput(CompressionType type, OutputStream out, byte magic, int level)
        throws IOException {
        switch (type) {
            case GZIP:
            case SNAPPY:
                return type.wrapForOutput(out, level);
            case LZ4:
                return Lz4Codec.wrapForOutput(out, level, magic == LegacyLayout.MAGIC_V0);
            default:
                throw new IllegalArgumentException("Magic " + magic + " wrappers cannot be compressed with " + type);
        }
    }

    /** Whether a wrapper of magic 0 or 1 may use {@code type}. */
    static boolean isLegacyCodec(CompressionType type) {
        return type == CompressionType.GZIP || type == CompressionType.SNAPPY || type == CompressionType.LZ4;
    }
}
