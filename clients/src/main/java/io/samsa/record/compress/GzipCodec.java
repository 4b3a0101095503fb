package io.samsa.record.compress;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * GZIP (RFC 1952) through java.util.zip, as Kafka writes it. Levels 1-9, or -1 for zlib's
 * default. Stateless, so thread-safe; the streams it returns are not.
 */
public final class GzipCodec {

    public static final int MIN_LEVEL = 1;
    public static final int MAX_LEVEL = 9;
    public static final int DEFAULT_LEVEL = Deflater.DEFAULT_COMPRESSION;

    private static final int BUFFER_SIZE = 8 * 1024;

    private GzipCodec() {
    }

    public static OutputStream wrapForOutput(OutputStream out, int level) throws IOException {
        // Deflating many small writes one at a time is slow; batch them first.
        return new BufferedOutputStream(new LeveledGzipOutputStream(out, level), 2 * BUFFER_SIZE);
    }

    public static InputStream wrapForInput(ByteBuffer buffer) throws IOException {
        return new GZIPInputStream(new ByteBufferInputStream(buffer), BUFFER_SIZE);
    }

    /** GZIPOutputStream exposes no level; its protected deflater does. */
    private static final class LeveledGzipOutputStream extends GZIPOutputStream {
        LeveledGzipOutputStream(OutputStream out, int level) throws IOException {
            super(out, BUFFER_SIZE);
            def.setLevel(level);
        }
    }
}
