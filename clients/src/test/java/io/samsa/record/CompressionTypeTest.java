package io.samsa.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

import org.apache.kafka.common.compress.Lz4BlockInputStream;
import org.apache.kafka.common.compress.Lz4BlockOutputStream;
import org.apache.kafka.common.utils.BufferSupplier;
import org.apache.kafka.common.utils.ByteBufferOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.samsa.record.compress.Lz4FrameInputStream;
import io.samsa.record.compress.Lz4FrameOutputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;

class CompressionTypeTest {

    /** Mixed payload: compressible text, then random bytes, crossing several 64 KiB LZ4 blocks. */
    private static byte[] payload(int size, long seed) {
        byte[] data = new byte[size];
        Random random = new Random(seed);
        for (int i = 0; i < size; i++) {
            data[i] = (byte) ('a' + (i / 7) % 13);
        }
        byte[] noise = new byte[size / 3];
        random.nextBytes(noise);
        System.arraycopy(noise, 0, data, size / 2, noise.length);
        return data;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[777];
        int n;
        while ((n = in.read(chunk, 0, chunk.length)) >= 0) {
            out.write(chunk, 0, n);
        }
        in.close();
        return out.toByteArray();
    }

    private static byte[] compress(CompressionType type, byte[] data) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = type.wrapForOutput(sink)) {
            out.write(data, 0, 10);
            out.write(data[10]);
            out.write(data, 11, data.length - 11);
        }
        return sink.toByteArray();
    }

    @Test
    void idsAndNamesMatchKafka() {
        for (CompressionType t : CompressionType.values()) {
            org.apache.kafka.common.record.CompressionType k = org.apache.kafka.common.record.CompressionType.forId(t.id);
            assertEquals(k.name, t.name);
            assertEquals(t, CompressionType.forName(k.name));
            assertEquals(t, CompressionType.forId(k.id));
        }
        assertThrows(IllegalArgumentException.class, () -> CompressionType.forId(5));
        assertThrows(IllegalArgumentException.class, () -> CompressionType.forId(-1));
        assertThrows(IllegalArgumentException.class, () -> CompressionType.forName("brotli"));
        assertThrows(IllegalArgumentException.class, () -> CompressionType.forName(null));
    }

    @Test
    void levelsMatchKafka() {
        for (CompressionType t : new CompressionType[] {CompressionType.GZIP, CompressionType.LZ4, CompressionType.ZSTD}) {
            org.apache.kafka.common.record.CompressionType k = org.apache.kafka.common.record.CompressionType.forId(t.id);
            assertEquals(k.defaultLevel(), t.defaultLevel(), t.name);
            assertEquals(k.minLevel(), t.minLevel(), t.name);
            assertEquals(k.maxLevel(), t.maxLevel(), t.name);
        }
        assertFalse(CompressionType.SNAPPY.hasLevels());
        assertThrows(IllegalArgumentException.class,
            () -> CompressionType.LZ4.wrapForOutput(new ByteArrayOutputStream(), 18));
        assertThrows(IllegalArgumentException.class,
            () -> CompressionType.GZIP.wrapForOutput(new ByteArrayOutputStream(), 10));
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void streamsRoundTrip(CompressionType type) throws IOException {
        byte[] data = payload(300_000, type.id);
        byte[] compressed = compress(type, data);
        if (type != CompressionType.NONE) {
            assertTrue(compressed.length < data.length, "compresses");
        }
        assertArrayEquals(data, readAll(type.wrapForInput(ByteBuffer.wrap(compressed))));
        // Also from a direct buffer and from a slice with a non-zero array offset.
        ByteBuffer direct = ByteBuffer.allocateDirect(compressed.length).put(compressed).flip();
        assertArrayEquals(data, readAll(type.wrapForInput(direct)));
        ByteBuffer offset = ByteBuffer.allocate(compressed.length + 5).position(5).slice().put(compressed).flip();
        assertArrayEquals(data, readAll(type.wrapForInput(offset)));
        assertEquals(0, offset.position(), "the caller's buffer is not consumed");
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void kafkaDecompressesSamsaStreamsAndBack(CompressionType type) throws IOException {
        org.apache.kafka.common.compress.Compression kafka = KafkaOracle.compression(type);
        byte[] data = payload(200_000, 7);

        byte[] ours = compress(type, data);
        InputStream theirReader = kafka.wrapForInput(ByteBuffer.wrap(ours), (byte) 2, BufferSupplier.create());
        assertArrayEquals(data, readAll(theirReader));

        ByteBufferOutputStream sink = new ByteBufferOutputStream(1024);
        try (OutputStream out = kafka.wrapForOutput(sink, (byte) 2)) {
            out.write(data);
        }
        ByteBuffer theirs = sink.buffer().flip();
        assertArrayEquals(data, readAll(type.wrapForInput(theirs)));
    }

    @Test
    void lz4FrameHeaderIsKafkasV2Header() throws IOException {
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        new Lz4FrameOutputStream(ours, 9).close();
        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        new Lz4BlockOutputStream(theirs, 9, false).close();
        assertArrayEquals(theirs.toByteArray(), ours.toByteArray());
        // magic LE, FLG (v01, independent blocks), BD (64 KiB), HC, then the end mark.
        assertEquals(11, ours.size());
        assertEquals(0x60, ours.toByteArray()[4] & 0xFF);
        assertEquals(0x40, ours.toByteArray()[5] & 0xFF);
    }

    @Test
    void lz4ReadsKafkaFramesWithBlockChecksums() throws IOException {
        byte[] data = payload(150_000, 3);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = new Lz4BlockOutputStream(sink, Lz4BlockOutputStream.BLOCKSIZE_64KB, 9, true, false)) {
            out.write(data);
        }
        assertArrayEquals(data, readAll(new Lz4FrameInputStream(ByteBuffer.wrap(sink.toByteArray()))));

        byte[] corrupt = sink.toByteArray();
        corrupt[20] ^= 1; // inside the first block, covered by its checksum
        assertThrows(IOException.class, () -> readAll(new Lz4FrameInputStream(ByteBuffer.wrap(corrupt))));
    }

    @Test
    void lz4ReadsFramesWithContentSizeAndChecksum() throws IOException {
        byte[] data = payload(100_000, 4);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = new LZ4FrameOutputStream(sink, LZ4FrameOutputStream.BLOCKSIZE.SIZE_256KB, data.length,
            LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE, LZ4FrameOutputStream.FLG.Bits.CONTENT_CHECKSUM,
            LZ4FrameOutputStream.FLG.Bits.CONTENT_SIZE)) {
            out.write(data);
        }
        byte[] frame = sink.toByteArray();
        assertArrayEquals(data, readAll(new Lz4FrameInputStream(ByteBuffer.wrap(frame))));

        byte[] badChecksum = Arrays.copyOf(frame, frame.length);
        badChecksum[badChecksum.length - 1] ^= 1;
        assertThrows(IOException.class, () -> readAll(new Lz4FrameInputStream(ByteBuffer.wrap(badChecksum))));
    }

    @Test
    void lz4RejectsBadDescriptorsAndTruncation() throws IOException {
        byte[] data = payload(70_000, 5);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = new Lz4FrameOutputStream(sink, 9)) {
            out.write(data);
        }
        byte[] frame = sink.toByteArray();

        byte[] badHc = frame.clone();
        badHc[6] ^= 1;
        assertThrows(IOException.class, () -> new Lz4FrameInputStream(ByteBuffer.wrap(badHc)));

        byte[] badMagic = frame.clone();
        badMagic[0] ^= 1;
        assertThrows(IOException.class, () -> new Lz4FrameInputStream(ByteBuffer.wrap(badMagic)));

        for (int cut : new int[] {3, 7, 12, frame.length / 2, frame.length - 1}) {
            ByteBuffer truncated = ByteBuffer.wrap(frame, 0, cut);
            assertThrows(IOException.class, () -> readAll(new Lz4FrameInputStream(truncated)), "cut at " + cut);
        }
    }

    @Test
    void kafkaLz4ReaderAcceptsSamsaMultiBlockFrames() throws IOException {
        byte[] data = payload(500_000, 6);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = new Lz4FrameOutputStream(sink, 1)) {
            out.write(data);
        }
        InputStream kafka = new Lz4BlockInputStream(ByteBuffer.wrap(sink.toByteArray()), BufferSupplier.create(), false);
        assertArrayEquals(data, readAll(kafka));
    }

    /** KAFKA-3160: magic 0 frames hash the frame magic into the descriptor checksum. */
    @Test
    void lz4LegacyHeaderChecksumBothWays() throws IOException {
        byte[] data = payload(90_000, 7);
        ByteArrayOutputStream kafkaSink = new ByteArrayOutputStream();
        try (OutputStream out = new Lz4BlockOutputStream(kafkaSink, Lz4BlockOutputStream.BLOCKSIZE_64KB, 9, false, true)) {
            out.write(data);
        }
        byte[] broken = kafkaSink.toByteArray();
        assertThrows(IOException.class, () -> new Lz4FrameInputStream(ByteBuffer.wrap(broken)));
        assertArrayEquals(data, readAll(new Lz4FrameInputStream(ByteBuffer.wrap(broken), true)));

        ByteArrayOutputStream samsaSink = new ByteArrayOutputStream();
        try (OutputStream out = new Lz4FrameOutputStream(samsaSink, 9, true)) {
            out.write(data);
        }
        assertArrayEquals(broken, samsaSink.toByteArray(), "the same frame as Kafka's magic 0 writer");
        // The standard frame is accepted when the check is skipped, too.
        ByteArrayOutputStream standard = new ByteArrayOutputStream();
        try (OutputStream out = new Lz4FrameOutputStream(standard, 9)) {
            out.write(data);
        }
        assertArrayEquals(data, readAll(new Lz4FrameInputStream(ByteBuffer.wrap(standard.toByteArray()), true)));
    }
}
