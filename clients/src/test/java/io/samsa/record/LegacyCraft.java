package io.samsa.record;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;

import org.apache.kafka.common.compress.Lz4BlockOutputStream;
import org.xerial.snappy.SnappyOutputStream;

/**
 * Hand-made legacy entries, written field by field here and compressed with Kafka's and the
 * JDK's streams rather than Samsa's, for the sets Kafka's builder refuses to write: wrong inner
 * magic, nested wrappers, undecodable values, a given LZ4 checksum flavour.
 */
final class LegacyCraft {

    private LegacyCraft() {
    }

    /** One entry with a correct CRC; {@code timestamp} is written for magic 1 only. */
    static byte[] entry(long offset, byte magic, int attributes, long timestamp, byte[] key, byte[] value) {
        int messageSize = (magic == 0 ? 14 : 22) + (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
        ByteBuffer b = ByteBuffer.allocate(12 + messageSize);
        b.putLong(offset).putInt(messageSize).putInt(0).put(magic).put((byte) attributes);
        if (magic == 1) {
            b.putLong(timestamp);
        }
        b.putInt(key == null ? -1 : key.length);
        if (key != null) {
            b.put(key);
        }
        b.putInt(value == null ? -1 : value.length);
        if (value != null) {
            b.put(value);
        }
        CRC32 crc = new CRC32();
        crc.update(b.array(), 16, b.capacity() - 16);
        b.putInt(12, (int) crc.getValue());
        return b.array();
    }

    /** Uncompressed entries for {@code inputs}: offsets 0..n-1 for magic 1, {@code first}.. for magic 0. */
    static byte[] innerSet(byte magic, long first, List<LegacyOracle.In> inputs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < inputs.size(); i++) {
            LegacyOracle.In in = inputs.get(i);
            out.writeBytes(entry(magic == 1 ? i : first + i, magic, 0, in.timestamp(), in.key(), in.value()));
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A CreateTime wrapper at {@code offset} whose value is {@code inner} compressed with {@code type}. */
    static ByteBuffer wrapper(long offset, byte magic, CompressionType type, boolean brokenLz4Checksum, byte[] inner) {
        return ByteBuffer.wrap(entry(offset, magic, type.id, 1_000L, null, compress(type, brokenLz4Checksum, inner)));
    }

    static byte[] compress(CompressionType type, boolean brokenLz4Checksum, byte[] data) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = open(type, brokenLz4Checksum, sink)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink.toByteArray();
    }

    private static OutputStream open(CompressionType type, boolean brokenLz4Checksum, OutputStream sink)
        throws IOException {
        switch (type) {
            case GZIP: return new GZIPOutputStream(sink);
            case SNAPPY: return new SnappyOutputStream(sink);
            case LZ4: return new Lz4BlockOutputStream(sink, Lz4BlockOutputStream.BLOCKSIZE_64KB, 9, false,
                brokenLz4Checksum);
            default: throw new IllegalArgumentException(type.toString());
        }
    }
}
