package io.samsa.systest.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

/**
 * A filesystem of a few megabytes mounted on a directory (tmpfs with {@code size=}), that a test can
 * fill to the last byte with a filler file and free again: a disk that runs full under a broker's
 * log dir. Mounts carry the source name {@value #SOURCE}, by which {@link #unmountLeftovers} finds
 * those an aborted run left mounted; a JVM shutdown hook unmounts too. Needs root. Not thread-safe,
 * except {@link #close}.
 */
public final class SmallFilesystem implements AutoCloseable {

    private static final String SOURCE = "samsa-systest";
    private static final String FILLER = "filler";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final Path dir;
    private boolean mounted;

    private SmallFilesystem(Path dir) {
        this.dir = dir;
    }

    /** Mounts a {@code megabytes} MB tmpfs on {@code dir} (created if absent). */
    public static SmallFilesystem mount(Path dir, int megabytes) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ExternalCommand.run(List.of("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m,mode=0755", SOURCE, dir.toString()),
                null, COMMAND_TIMEOUT).assertSuccess();
        SmallFilesystem fs = new SmallFilesystem(dir);
        fs.mounted = true;
        Runtime.getRuntime().addShutdownHook(new Thread(fs::close, "small-filesystem-cleanup"));
        return fs;
    }

    public Path dir() {
        return dir;
    }

    /** Bytes still free for files. */
    public long freeBytes() {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a filler file until the filesystem refuses even one more byte; returns the bytes
     * written. A file whose last block is partly used can still grow into that block.
     */
    public long fill() {
        long written = 0;
        try (FileChannel out = FileChannel.open(dir.resolve(FILLER), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            for (int chunk : new int[] {1 << 20, 4096, 1}) {
                ByteBuffer zeros = ByteBuffer.allocate(chunk);
                while (true) {
                    try {
                        zeros.clear();
                        written += out.write(zeros);
                    } catch (IOException full) {
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a filler file in " + dir, e);
        }
        return written;
    }

    /** Deletes the filler file. */
    public void free() {
        try {
            Files.deleteIfExists(dir.resolve(FILLER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unmounts (lazily, should a process still hold a file there); its content is gone. */
    @Override
    public synchronized void close() {
        if (mounted) {
            mounted = false;
            ExternalCommand.run(List.of("umount", "-l", dir.toString()), null, COMMAND_TIMEOUT).assertSuccess();
        }
    }

    /** Unmounts every filesystem mounted by this class that is still mounted (an aborted run's). */
    public static void unmountLeftovers() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
                String[] fields = line.split(" ");
                if (fields.length > 1 && fields[0].equals(SOURCE)) {
                    // /proc/mounts escapes spaces and the like as octal: the paths here have none.
                    ExternalCommand.run(List.of("umount", "-l", fields[1]), null, COMMAND_TIMEOUT);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
