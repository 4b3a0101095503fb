package io.samsa.record.compress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * LZ4 in the LZ4 frame format, as Kafka writes it: independent 64 KiB blocks, no checksums, and a
 * frame-descriptor checksum computed over the descriptor only. The pre-0.10 "broken" variant that
 * also hashed the frame magic (KAFKA-3160) belongs to magic 0 messages only; the
 * {@code legacyHeaderChecksum} overloads read and write it. Levels 1-17; the default 9 uses LZ4's
 * fast compressor, others its high-compression one, as Kafka does. Stateless, so thread-safe; the
 * streams it returns are not.
 */
public final class Lz4Codec {

    public static final int MIN_LEVEL = 1;
    public static final int MAX_LEVEL = 17;
    public static final int DEFAULT_LEVEL = 9;

    private Lz4Codec() {
    }

    public static OutputStream wrapForOutput(OutputStream out, int level) throws IOException {
        return new Lz4FrameOutputStream(out, level);
    }

    public static InputStream wrapForInput(ByteBuffer buffer) throws IOException {
        return new Lz4FrameInputStream(buffer);
    }

    /**
     * A frame writer for magic 0 ({@code legacyHeaderChecksum} true: the checksum pre-0.10
     * clients verify) or magic 1 and 2 (false).
     */
    public static OutputStream wrapForOutput(OutputStream out, int level, boolean legacyHeaderChecksum)
        throws IOException {
        return new Lz4FrameOutputStream(out, level, legacyHeaderChecksum);
    }

    /**
     * A frame reader for magic 0 ({@code legacyHeaderChecksum} true: the descriptor checksum is
     * not verified, since writers disagree on it) or magic 1 and 2 (false: verified).
     */
    public static InputStream wrapForInput(ByteBuffer buffer, boolean legacyHeaderChecksum) throws IOException {
        return new Lz4FrameInputStream(buffer, legacyHeaderChecksum);
    }
}
