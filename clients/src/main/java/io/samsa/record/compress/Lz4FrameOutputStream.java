package io.samsa.record.compress;

import java.io.IOException;
import java.io.OutputStream;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.xxhash.XXHashFactory;

/**
 * Writes one LZ4 frame: magic, descriptor (independent blocks, 64 KiB maximum, no checksums),
 * data blocks (stored raw when compression would not shrink them) and the end mark.
 *
 * <p>For magic 0 messages the descriptor checksum can be written the way Kafka clients before
 * 0.10 computed it, over the frame magic and the descriptor (KAFKA-3160): those clients verify
 * it that way, and Kafka 3.9 still writes it so for magic 0. Not thread-safe.
 */
public final class Lz4FrameOutputStream extends OutputStream {

    private static final int BLOCK_SIZE = Lz4Frame.blockMaximumSize(Lz4Frame.BLOCK_SIZE_64KB);
    /** Enough for the batches a few producers and handler threads compress at once. */
    private static final int RECYCLED = 16;
    private static final RecycledArrays BLOCKS = new RecycledArrays(BLOCK_SIZE, RECYCLED);
    private static final RecycledArrays COMPRESSED_BLOCKS = new RecycledArrays(
            LZ4Factory.fastestInstance().fastCompressor().maxCompressedLength(BLOCK_SIZE), RECYCLED);

    private final LZ4Compressor compressor;
    private final int blockSize;
    private OutputStream out;
    private byte[] block;
    private byte[] compressed;
    private int blockLength;
    private final byte[] intBuffer = new byte[4];
    private boolean closed;

    /** A frame with the standard descriptor checksum, as Kafka writes for magic 1 and 2. */
    public Lz4FrameOutputStream(OutputStream out, int level) throws IOException {
        this(out, level, false);
    }

    /**
     * @param legacyHeaderChecksum hash the frame magic into the descriptor checksum, as pre-0.10
     *                             Kafka clients expect in magic 0 messages
     */
    public Lz4FrameOutputStream(OutputStream out, int level, boolean legacyHeaderChecksum) throws IOException {
        if (level < Lz4Codec.MIN_LEVEL || level > Lz4Codec.MAX_LEVEL) {
            throw new IllegalArgumentException("LZ4 level must be in [" + Lz4Codec.MIN_LEVEL + ", "
                + Lz4Codec.MAX_LEVEL + "], got " + level);
        }
        LZ4Factory factory = LZ4Factory.fastestInstance();
        this.compressor = level == Lz4Codec.DEFAULT_LEVEL ? factory.fastCompressor() : factory.highCompressor(level);
        this.out = out;
        this.blockSize = BLOCK_SIZE;
        this.block = BLOCKS.take();
        this.compressed = COMPRESSED_BLOCKS.take();
        writeFrameHeader(legacyHeaderChecksum);
    }

    private void writeFrameHeader(boolean legacyHeaderChecksum) throws IOException {
        byte[] header = new byte[7];
        putIntLE(header, 0, Lz4Frame.MAGIC);
        header[4] = (byte) (Lz4Frame.FLG_VERSION_01 | Lz4Frame.FLG_BLOCK_INDEPENDENCE);
        header[5] = (byte) (Lz4Frame.BLOCK_SIZE_64KB << Lz4Frame.BD_BLOCK_SIZE_SHIFT);
        int hashed = legacyHeaderChecksum ? 0 : 4;
        int hash = XXHashFactory.fastestInstance().hash32().hash(header, hashed, 6 - hashed, 0);
        header[6] = Lz4Frame.headerChecksum(hash);
        out.write(header);
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (blockLength == blockSize) {
            writeBlock();
        }
        block[blockLength++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        if (off < 0 || len < 0 || off > b.length - len) {
            throw new IndexOutOfBoundsException("off=" + off + " len=" + len + " length=" + b.length);
        }
        while (len > 0) {
            if (blockLength == blockSize) {
                writeBlock();
            }
            int n = Math.min(len, blockSize - blockLength);
            System.arraycopy(b, off, block, blockLength, n);
            blockLength += n;
            off += n;
            len -= n;
        }
    }

    private void writeBlock() throws IOException {
        if (blockLength == 0) {
            return;
        }
        int compressedLength = compressor.compress(block, 0, blockLength, compressed, 0, compressed.length);
        if (compressedLength >= blockLength) {
            writeIntLE(blockLength | Lz4Frame.UNCOMPRESSED_FLAG);
            out.write(block, 0, blockLength);
        } else {
            writeIntLE(compressedLength);
            out.write(compressed, 0, compressedLength);
        }
        blockLength = 0;
    }

    /** Ends the current block early; a frame may hold blocks shorter than the maximum. */
    @Override
    public void flush() throws IOException {
        if (!closed) {
            writeBlock();
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            writeBlock();
            writeIntLE(0); // end mark; Kafka writes no content checksum
            out.flush();
        } finally {
            closed = true;
            BLOCKS.give(block);
            COMPRESSED_BLOCKS.give(compressed);
            block = null;
            compressed = null;
            OutputStream o = out;
            out = null;
            o.close();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("LZ4 frame stream is closed");
        }
    }

    private void writeIntLE(int value) throws IOException {
        putIntLE(intBuffer, 0, value);
        out.write(intBuffer, 0, 4);
    }

    private static void putIntLE(byte[] b, int at, int value) {
        b[at] = (byte) value;
        b[at + 1] = (byte) (value >>> 8);
        b[at + 2] = (byte) (value >>> 16);
        b[at + 3] = (byte) (value >>> 24);
    }
}
