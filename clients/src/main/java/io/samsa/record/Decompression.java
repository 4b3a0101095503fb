package io.samsa.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Drains a decompressing stream into one heap buffer, so that records of a compressed batch can be
 * parsed as views exactly like those of an uncompressed one. Stateless, so thread-safe.
 */
final class Decompression {

    private static final int MAX_SIZE = Integer.MAX_VALUE - 8;

    private Decompression() {
    }

    static ByteBuffer readFully(InputStream in, int compressedSize) throws IOException {
        // Record payloads usually shrink 2-4x; start there and double.
        byte[] out = new byte[(int) Math.min(MAX_SIZE, Math.max(1024L, compressedSize * 4L))];
        int length = 0;
        while (true) {
            if (length == out.length) {
                if (length == MAX_SIZE) {
                    throw new IOException("Decompressed batch exceeds " + MAX_SIZE + " bytes");
                }
                out = Arrays.copyOf(out, (int) Math.min(MAX_SIZE, 2L * out.length));
            }
            int n = in.read(out, length, out.length - length);
            if (n < 0) {
                return ByteBuffer.wrap(out, 0, length).slice();
            }
            length += n;
        }
    }
}
