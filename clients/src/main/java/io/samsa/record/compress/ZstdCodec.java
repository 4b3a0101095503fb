package io.samsa.record.compress;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

import com.github.luben.zstd.RecyclingBufferPool;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;

/**
 * Zstandard frames through zstd-jni's streams. Levels as zstd defines them (negative "fast"
 * levels up to 22), default 3 as in Kafka. Stateless, so thread-safe; the streams it returns are
 * not.
 */
public final class ZstdCodec {

    public static final int MIN_LEVEL = -131072;
    public static final int MAX_LEVEL = 22;
    public static final int DEFAULT_LEVEL = 3;

    /** zstd-jni crosses into native code per call, so feed it and drain it in large chunks. */
    private static final int BUFFER_SIZE = 16 * 1024;

    private ZstdCodec() {
    }

    public static OutputStream wrapForOutput(OutputStream out, int level) throws IOException {
        return new BufferedOutputStream(
            new ZstdOutputStreamNoFinalizer(out, RecyclingBufferPool.INSTANCE, level), BUFFER_SIZE);
    }

    public static InputStream wrapForInput(ByteBuffer buffer) throws IOException {
        return new BufferedInputStream(
            new ZstdInputStreamNoFinalizer(new ByteBufferInputStream(buffer), RecyclingBufferPool.INSTANCE),
            BUFFER_SIZE);
    }
}
