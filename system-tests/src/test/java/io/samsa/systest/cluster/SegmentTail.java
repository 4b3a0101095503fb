package io.samsa.systest.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Damages the end of a partition's active segment file the way a crash can: random bytes, a batch
 * cut short, or a whole batch whose CRC does not match. Works on the v2 record batch layout
 * (base offset int64, batch length int32 counted from the byte after it, ..., CRC-32C over the
 * attributes onwards). Only for a segment no process is writing. Stateless.
 */
public final class SegmentTail {

    private static final int LENGTH_OFFSET = 8;
    private static final int LOG_OVERHEAD = 12;
    private static final int LAST_OFFSET_DELTA_OFFSET = 23;

    private SegmentTail() {
    }

    /** The {@code .log} file with the highest base offset in a partition directory. */
    public static Path activeSegment(Path partitionDir) {
        try (Stream<Path> files = Files.list(partitionDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".log"))
                    .max(Comparator.comparing(f -> f.getFileName().toString()))
                    .orElseThrow(() -> new AssertionError("no .log file in " + partitionDir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void appendRandomBytes(Path segment, int count, long seed) {
        byte[] garbage = new byte[count];
        new Random(seed).nextBytes(garbage);
        append(segment, garbage);
    }

    /** Appends the first half of a copy of the file's last batch: a write the crash interrupted. */
    public static void appendTornBatch(Path segment) {
        ByteBuffer last = lastBatch(segment);
        byte[] torn = new byte[last.remaining() / 2];
        last.get(torn);
        append(segment, torn);
    }

    /**
     * Appends a copy of the last batch moved to the next offsets, with its final byte changed: a
     * batch that is whole and in sequence but whose CRC no longer matches its content.
     */
    public static void appendBatchWithBadCrc(Path segment) {
        ByteBuffer last = lastBatch(segment);
        byte[] copy = new byte[last.remaining()];
        last.get(copy);
        ByteBuffer b = ByteBuffer.wrap(copy).order(ByteOrder.BIG_ENDIAN);
        long nextBase = b.getLong(0) + b.getInt(LAST_OFFSET_DELTA_OFFSET) + 1;
        b.putLong(0, nextBase);
        copy[copy.length - 1] ^= 0x5a;
        append(segment, copy);
    }

    /**
     * Cuts the file in the middle of its last batch, as a crash can leave a write that reached the
     * disk only in part; returns how many bytes were cut.
     */
    public static int cutLastBatch(Path segment) {
        int batch = lastBatch(segment).remaining();
        int cut = batch - batch / 2;
        try (FileChannel f = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            f.truncate(f.size() - cut);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cut;
    }

    private static ByteBuffer lastBatch(Path segment) {
        try {
            ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(segment)).order(ByteOrder.BIG_ENDIAN);
            int pos = 0;
            int lastPos = -1;
            while (pos + LOG_OVERHEAD <= file.limit()) {
                int size = LOG_OVERHEAD + file.getInt(pos + LENGTH_OFFSET);
                if (size <= LOG_OVERHEAD || pos + size > file.limit()) {
                    throw new AssertionError("segment " + segment + " is already damaged at position " + pos);
                }
                lastPos = pos;
                pos += size;
            }
            if (lastPos < 0 || pos != file.limit()) {
                throw new AssertionError("segment " + segment + " holds no whole batch or has a partial tail");
            }
            return file.slice(lastPos, pos - lastPos);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void append(Path segment, byte[] bytes) {
        try {
            Files.write(segment, bytes, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
