package io.samsa.core.log;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * A {@code <offset>.snapshot} file: the producer state of a partition as of that offset, in
 * Kafka's layout (version 1) so that either broker can read the other's:
 * <pre>
 * version int16 | crc uint32 (CRC-32C of what follows) | count int32 |
 *   count x (producerId int64, epoch int16, lastSequence int32, lastOffset int64,
 *            offsetDelta int32, timestamp int64, coordinatorEpoch int32, currentTxnFirstOffset int64)
 * </pre>
 * Only each producer's last batch is kept, as in Kafka. Public for the offline dump tool, which
 * reads snapshots. Stateless.
 */
public final class ProducerSnapshotFile {

    static final short VERSION = 1;
    private static final int HEADER_SIZE = 2 + 4 + 4;
    private static final int ENTRY_SIZE = 8 + 2 + 4 + 8 + 4 + 8 + 4 + 8;

    /** One producer's row. */
    public record Entry(long producerId, short epoch, int lastSequence, long lastOffset, int offsetDelta, long timestamp,
                 int coordinatorEpoch) {
    }

    private ProducerSnapshotFile() {
    }

    static void write(File file, Collection<Entry> entries) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(HEADER_SIZE + entries.size() * ENTRY_SIZE);
        buf.putShort(VERSION).putInt(0).putInt(entries.size());
        for (Entry e : entries) {
            buf.putLong(e.producerId()).putShort(e.epoch()).putInt(e.lastSequence()).putLong(e.lastOffset())
                    .putInt(e.offsetDelta()).putLong(e.timestamp()).putInt(e.coordinatorEpoch()).putLong(-1L);
        }
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 6, buf.position() - 6);
        buf.putInt(2, (int) crc.getValue());
        buf.flip();
        File tmp = new File(file.getPath() + LogFileNames.TMP_SUFFIX);
        try (FileChannel ch = FileChannel.open(tmp.toPath(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        Files.move(tmp.toPath(), file.toPath(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Reads a snapshot; a corrupt or unknown-version file throws {@link IOException}. */
    public static List<Entry> read(File file) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file.toPath()));
        if (buf.remaining() < HEADER_SIZE) {
            throw new IOException("Producer snapshot " + file + " is truncated");
        }
        short version = buf.getShort();
        if (version != VERSION) {
            throw new IOException("Producer snapshot " + file + " has unknown version " + version);
        }
        int expectedCrc = buf.getInt();
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 6, buf.limit() - 6);
        if ((int) crc.getValue() != expectedCrc) {
            throw new IOException("Producer snapshot " + file + " has a bad checksum");
        }
        int count = buf.getInt();
        if (count < 0 || buf.remaining() != (long) count * ENTRY_SIZE) {
            throw new IOException("Producer snapshot " + file + " has " + count + " entries but " + buf.remaining() + " bytes");
        }
        List<Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long pid = buf.getLong();
            short epoch = buf.getShort();
            int lastSeq = buf.getInt();
            long lastOffset = buf.getLong();
            int offsetDelta = buf.getInt();
            long timestamp = buf.getLong();
            int coordinatorEpoch = buf.getInt();
            buf.getLong();
            entries.add(new Entry(pid, epoch, lastSeq, lastOffset, offsetDelta, timestamp, coordinatorEpoch));
        }
        return entries;
    }
}
