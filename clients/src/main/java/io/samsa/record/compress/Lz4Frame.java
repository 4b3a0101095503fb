package io.samsa.record.compress;

/**
 * Constants of the LZ4 frame format (lz4_Frame_format.md v1.6) shared by the frame reader and
 * writer. Only the subset Kafka uses is produced; the reader accepts a little more.
 */
final class Lz4Frame {

    static final int MAGIC = 0x184D2204;
    /** High bit of a block size: the block is stored uncompressed. */
    static final int UNCOMPRESSED_FLAG = 0x80000000;

    static final int FLG_VERSION_MASK = 0xC0;
    static final int FLG_VERSION_01 = 0x40;
    static final int FLG_BLOCK_INDEPENDENCE = 0x20;
    static final int FLG_BLOCK_CHECKSUM = 0x10;
    static final int FLG_CONTENT_SIZE = 0x08;
    static final int FLG_CONTENT_CHECKSUM = 0x04;
    /** Bit 1 is reserved; bit 0 announces a dictionary id, which Kafka never uses. */
    static final int FLG_UNSUPPORTED = 0x03;

    /** Block maximum size code 4 = 64 KiB, the size Kafka writes. */
    static final int BLOCK_SIZE_64KB = 4;
    static final int BD_BLOCK_SIZE_SHIFT = 4;
    static final int BD_RESERVED_MASK = 0x8F;

    private Lz4Frame() {
    }

    /** The byte size of a block-maximum-size code (4..7 give 64 KiB..4 MiB). */
    static int blockMaximumSize(int code) {
        return 1 << (2 * code + 8);
    }

    /** The frame descriptor checksum byte: the second byte of XXH32 over the descriptor, seed 0. */
    static byte headerChecksum(int xxhash32) {
        return (byte) ((xxhash32 >> 8) & 0xFF);
    }
}
