package io.samsa.record.compress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import net.jpountz.xxhash.StreamingXXHash32;
import net.jpountz.xxhash.XXHash32;
import net.jpountz.xxhash.XXHashFactory;

/**
 * Reads one LZ4 frame from a ByteBuffer without copying stored (uncompressed) blocks. Accepts
 * what Kafka and other clients put in a batch: independent blocks of 64 KiB to 4 MiB, an optional
 * content size, optional block and content checksums (verified). Linked blocks and dictionary ids
 * are refused, as Kafka refuses them.
 *
 * <p>The frame-descriptor checksum is verified unless the stream is opened for a magic 0 message:
 * Kafka clients before 0.10 hashed the frame magic together with the descriptor (KAFKA-3160),
 * so their magic 0 LZ4 wrappers carry a "wrong" checksum that Kafka's reader skips for magic 0;
 * {@link #Lz4FrameInputStream(ByteBuffer, boolean)} lets the legacy reader skip it too. Not
 * thread-safe.
 */
public final class Lz4FrameInputStream extends InputStream {

    private static final LZ4SafeDecompressor DECOMPRESSOR = LZ4Factory.fastestInstance().safeDecompressor();
    private static final XXHashFactory HASHES = XXHashFactory.fastestInstance();
    private static final XXHash32 XXHASH32 = HASHES.hash32();

    private final ByteBuffer in;
    private int flags;
    private int maxBlockSize;
    private ByteBuffer decompressionBuffer;
    /** The current block's bytes: the decompression buffer, or a view of {@code in} for a stored block. */
    private ByteBuffer current;
    private StreamingXXHash32 contentHash;
    private boolean finished;

    /** Reads a frame whose descriptor checksum is verified, as Kafka reads magic 1 and 2. */
    public Lz4FrameInputStream(ByteBuffer buffer) throws IOException {
        this(buffer, false);
    }

    /**
     * @param buffer                 the frame, from its position (the position is untouched)
     * @param ignoreHeaderChecksum   skip the frame-descriptor checksum, as Kafka does for magic 0
     *                               messages, whose writers computed it over the wrong bytes
     */
    public Lz4FrameInputStream(ByteBuffer buffer, boolean ignoreHeaderChecksum) throws IOException {
        this.in = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        readFrameHeader(ignoreHeaderChecksum);
    }

    private void readFrameHeader(boolean ignoreHeaderChecksum) throws IOException {
        if (in.remaining() < 7) {
            throw new IOException("LZ4 frame shorter than its header");
        }
        if (in.getInt() != Lz4Frame.MAGIC) {
            throw new IOException("Not an LZ4 frame (bad magic)");
        }
        int descriptorStart = in.position();
        flags = in.get() & 0xFF;
        int bd = in.get() & 0xFF;
        if ((flags & Lz4Frame.FLG_VERSION_MASK) != Lz4Frame.FLG_VERSION_01) {
            throw new IOException("Unsupported LZ4 frame version in FLG 0x" + Integer.toHexString(flags));
        }
        if ((flags & Lz4Frame.FLG_UNSUPPORTED) != 0) {
            throw new IOException("LZ4 frame uses reserved bits or a dictionary id (FLG 0x"
                + Integer.toHexString(flags) + ")");
        }
        if ((flags & Lz4Frame.FLG_BLOCK_INDEPENDENCE) == 0) {
            throw new IOException("LZ4 frames with linked blocks are not supported");
        }
        int sizeCode = (bd >>> Lz4Frame.BD_BLOCK_SIZE_SHIFT) & 0x07;
        if ((bd & Lz4Frame.BD_RESERVED_MASK) != 0 || sizeCode < 4) {
            throw new IOException("Invalid LZ4 block descriptor 0x" + Integer.toHexString(bd));
        }
        maxBlockSize = Lz4Frame.blockMaximumSize(sizeCode);
        if ((flags & Lz4Frame.FLG_CONTENT_SIZE) != 0) {
            if (in.remaining() < 9) {
                throw new IOException("LZ4 frame ends inside its descriptor");
            }
            in.position(in.position() + 8);
        }
        int descriptorLength = in.position() - descriptorStart;
        byte stored = in.get();
        if (!ignoreHeaderChecksum
            && stored != Lz4Frame.headerChecksum(XXHASH32.hash(in, descriptorStart, descriptorLength, 0))) {
            throw new IOException("LZ4 frame descriptor checksum mismatch");
        }
        if ((flags & Lz4Frame.FLG_CONTENT_CHECKSUM) != 0) {
            contentHash = HASHES.newStreamingHash32(0);
        }
    }

    /** Loads the next block into {@link #current}, or marks the end of the frame. */
    private void readBlock() throws IOException {
        if (in.remaining() < 4) {
            throw new IOException("LZ4 frame ended before its end mark");
        }
        int word = in.getInt();
        int size = word & ~Lz4Frame.UNCOMPRESSED_FLAG;
        if (size == 0) {
            finishFrame();
            return;
        }
        if (size > maxBlockSize) {
            throw new IOException("LZ4 block of " + size + " bytes exceeds the frame maximum " + maxBlockSize);
        }
        boolean blockChecksum = (flags & Lz4Frame.FLG_BLOCK_CHECKSUM) != 0;
        if (in.remaining() < size + (blockChecksum ? 4 : 0)) {
            throw new IOException("LZ4 block truncated");
        }
        int start = in.position();
        if (blockChecksum && XXHASH32.hash(in, start, size, 0) != in.getInt(start + size)) {
            throw new IOException("LZ4 block checksum mismatch");
        }
        if ((word & Lz4Frame.UNCOMPRESSED_FLAG) != 0) {
            current = in.slice(start, size);
        } else {
            if (decompressionBuffer == null) {
                decompressionBuffer = ByteBuffer.allocate(maxBlockSize);
            }
            try {
                int n = DECOMPRESSOR.decompress(in, start, size, decompressionBuffer, 0, maxBlockSize);
                decompressionBuffer.clear().limit(n);
            } catch (LZ4Exception e) {
                throw new IOException("Corrupt LZ4 block: " + e.getMessage(), e);
            }
            current = decompressionBuffer;
        }
        if (contentHash != null) {
            updateContentHash(current);
        }
        in.position(start + size + (blockChecksum ? 4 : 0));
    }

    private void updateContentHash(ByteBuffer block) {
        if (block.hasArray()) {
            contentHash.update(block.array(), block.arrayOffset() + block.position(), block.remaining());
        } else {
            byte[] copy = new byte[block.remaining()];
            block.duplicate().get(copy);
            contentHash.update(copy, 0, copy.length);
        }
    }

    private void finishFrame() throws IOException {
        finished = true;
        current = null;
        if (contentHash != null) {
            if (in.remaining() < 4) {
                throw new IOException("LZ4 frame ended before its content checksum");
            }
            if (in.getInt() != contentHash.getValue()) {
                throw new IOException("LZ4 content checksum mismatch");
            }
        }
    }

    /** Makes sure a byte is available unless the frame has ended; returns false at the end. */
    private boolean fill() throws IOException {
        while (!finished && (current == null || !current.hasRemaining())) {
            readBlock();
        }
        return !finished;
    }

    @Override
    public int read() throws IOException {
        return fill() ? current.get() & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (off < 0 || len < 0 || off > b.length - len) {
            throw new IndexOutOfBoundsException("off=" + off + " len=" + len + " length=" + b.length);
        }
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.remaining());
        current.get(b, off, n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        if (n <= 0 || !fill()) {
            return 0;
        }
        int skipped = (int) Math.min(n, current.remaining());
        current.position(current.position() + skipped);
        return skipped;
    }

    @Override
    public int available() {
        return current == null ? 0 : current.remaining();
    }
}
