package io.samsa.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

import io.samsa.record.compress.ByteBufferInputStream;
import io.samsa.record.compress.GzipCodec;
import io.samsa.record.compress.Lz4Codec;
import io.samsa.record.compress.SnappyCodec;
import io.samsa.record.compress.ZstdCodec;

/**
 * The compression codec of a batch (attribute bits 0-2), with the ids and names Kafka uses on
 * the wire and in the {@code compression.type} config. Each constant opens streams of its codec
 * in the exact framing Kafka writes, so batches compressed here are readable by Kafka and the
 * reverse. Immutable; the streams it returns are not thread-safe.
 */
public enum CompressionType {
    NONE(0, "none", 0, 0, 0),
    GZIP(1, "gzip", GzipCodec.MIN_LEVEL, GzipCodec.MAX_LEVEL, GzipCodec.DEFAULT_LEVEL),
    SNAPPY(2, "snappy", 0, 0, 0),
    LZ4(3, "lz4", Lz4Codec.MIN_LEVEL, Lz4Codec.MAX_LEVEL, Lz4Codec.DEFAULT_LEVEL),
    ZSTD(4, "zstd", ZstdCodec.MIN_LEVEL, ZstdCodec.MAX_LEVEL, ZstdCodec.DEFAULT_LEVEL);

    private static final CompressionType[] BY_ID = values();

    /** The codec id stored in the batch attributes. */
    public final int id;
    /** The name used by the {@code compression.type} config. */
    public final String name;
    private final int minLevel;
    private final int maxLevel;
    private final int defaultLevel;

    CompressionType(int id, String name, int minLevel, int maxLevel, int defaultLevel) {
        this.id = id;
        this.name = name;
        this.minLevel = minLevel;
        this.maxLevel = maxLevel;
        this.defaultLevel = defaultLevel;
    }

    /** @throws IllegalArgumentException for an id outside 0-4 */
    public static CompressionType forId(int id) {
        if (id < 0 || id >= BY_ID.length) {
            throw new IllegalArgumentException("Unknown compression type id " + id);
        }
        return BY_ID[id];
    }

    /** @throws IllegalArgumentException for a name other than none, gzip, snappy, lz4, zstd */
    public static CompressionType forName(String name) {
        for (CompressionType t : BY_ID) {
            if (t.name.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown compression type name '" + name
            + "' (expected none, gzip, snappy, lz4 or zstd)");
    }

    /** Whether {@link #wrapForOutput(OutputStream, int)} takes a level (gzip, lz4, zstd). */
    public boolean hasLevels() {
        return minLevel != maxLevel;
    }

    public int defaultLevel() {
        return defaultLevel;
    }

    public int minLevel() {
        return minLevel;
    }

    public int maxLevel() {
        return maxLevel;
    }

    /** Whether {@code level} is accepted: in range, or the codec's default. */
    public boolean isValidLevel(int level) {
        return level == defaultLevel || (level >= minLevel && level <= maxLevel);
    }

    /** A decompressing stream over the remaining bytes of {@code buffer} (its position is untouched). */
    public InputStream wrapForInput(ByteBuffer buffer) throws IOException {
        switch (this) {
            case NONE: return new ByteBufferInputStream(buffer);
            case GZIP: return GzipCodec.wrapForInput(buffer);
            case SNAPPY: return SnappyCodec.wrapForInput(buffer);
            case LZ4: return Lz4Codec.wrapForInput(buffer);
            case ZSTD: return ZstdCodec.wrapForInput(buffer);
            default: throw new AssertionError(this);
        }
    }

    /** A compressing stream at the default level; closing it finishes the stream and closes {@code out}. */
    public OutputStream wrapForOutput(OutputStream out) throws IOException {
        return wrapForOutput(out, defaultLevel);
    }

    /**
     * A compressing stream; closing it finishes the compressed stream and closes {@code out}.
     *
     * @param level codec level, ignored by none and snappy
     * @throws IllegalArgumentException if the codec has levels and {@code level} is not one of them
     */
    public OutputStream wrapForOutput(OutputStream out, int level) throws IOException {
        if (hasLevels() && !isValidLevel(level)) {
            throw new IllegalArgumentException(name + " compression level must be in [" + minLevel + ", "
                + maxLevel + "] (or " + defaultLevel + "), got " + level);
        }
        switch (this) {
            case NONE: return out;
            case GZIP: return GzipCodec.wrapForOutput(out, level);
            case SNAPPY: return SnappyCodec.wrapForOutput(out);
            case LZ4: return Lz4Codec.wrapForOutput(out, level);
            case ZSTD: return ZstdCodec.wrapForOutput(out, level);
            default: throw new AssertionError(this);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
