package io.samsa.record.compress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * LZ4 in the LZ4 frame format, as Kafka writes it for magic 2: independent 64 KiB blocks, no
 * checksums, and a frame-descriptor checksum computed over the descriptor only (the pre-0.10
 * "broken" variant that also hashed the magic belongs to magic 0 and is not supported). Levels
 * 1-17; the default 9 uses LZ4's fast compressor, others its high-compression one, as Kafka does.
 * Stateless, so thread-safe; the streams it returns are not.
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
}
