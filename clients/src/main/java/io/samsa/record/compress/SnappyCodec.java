package io.samsa.record.compress;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

import org.xerial.snappy.SnappyError;
import org.xerial.snappy.SnappyInputStream;
import org.xerial.snappy.SnappyOutputStream;

/**
 * Snappy in xerial's stream framing (snappy-java's SnappyOutputStream / SnappyInputStream), which
 * is what Kafka puts in a batch, not the official Snappy framing format. No levels. Stateless,
 * so thread-safe; the streams it returns are not.
 */
public final class SnappyCodec {

    private SnappyCodec() {
    }

    public static OutputStream wrapForOutput(OutputStream out) {
        return new SnappyOutputStream(out);
    }

    public static InputStream wrapForInput(ByteBuffer buffer) throws IOException {
        try {
            return new ErrorTranslatingInputStream(new SnappyInputStream(new ByteBufferInputStream(buffer)));
        } catch (SnappyError e) {
            throw new IOException("Corrupt snappy stream: " + e.getMessage(), e);
        }
    }

    /**
     * snappy-java reports some corrupt input (for example an absurd chunk length) with
     * SnappyError, an Error; bad bytes from the network are an I/O problem, not a JVM failure.
     */
    private static final class ErrorTranslatingInputStream extends FilterInputStream {
        ErrorTranslatingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (SnappyError e) {
                throw new IOException("Corrupt snappy stream: " + e.getMessage(), e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (SnappyError e) {
                throw new IOException("Corrupt snappy stream: " + e.getMessage(), e);
            }
        }
    }
}
