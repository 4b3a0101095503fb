package io.samsa.core.log;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A small text file of entries in Kafka's checkpoint format: a version line, a count line, then
 * one entry per line. Written atomically (a {@code .tmp} sibling is written and fsynced, renamed
 * over the file, and the directory fsynced), so a crash leaves either the old or the new file.
 * Thread-safe: writes and reads of one file are serialized.
 *
 * @param <T> the entry type
 */
public final class CheckpointFile<T> {

    /** Turns entries into lines and back. */
    public interface Formatter<T> {
        String toLine(T entry);

        /** Parses one line; returns null if it is malformed. */
        T fromLine(String line);
    }

    private final File file;
    private final int version;
    private final Formatter<T> formatter;
    private final Object lock = new Object();

    public CheckpointFile(File file, int version, Formatter<T> formatter) {
        this.file = file;
        this.version = version;
        this.formatter = formatter;
    }

    public File file() {
        return file;
    }

    public void write(Collection<T> entries) throws IOException {
        synchronized (lock) {
            File tmp = new File(file.getPath() + LogFileNames.TMP_SUFFIX);
            try (FileOutputStream out = new FileOutputStream(tmp);
                 Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                StringBuilder sb = new StringBuilder();
                sb.append(version).append('\n').append(entries.size()).append('\n');
                for (T entry : entries) {
                    sb.append(formatter.toLine(entry)).append('\n');
                }
                writer.write(sb.toString());
                writer.flush();
                out.getFD().sync();
            }
            try {
                Files.move(tmp.toPath(), file.toPath(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp.toPath(), file.toPath(), StandardCopyOption.REPLACE_EXISTING);
            }
            fsyncDirectory(file.getAbsoluteFile().getParentFile());
        }
    }

    /** The entries; empty if the file does not exist. Throws IOException naming the file when it is malformed. */
    public List<T> read() throws IOException {
        synchronized (lock) {
            try (BufferedReader reader = Files.newBufferedReader(file.toPath(), StandardCharsets.UTF_8)) {
                String versionLine = reader.readLine();
                if (versionLine == null) {
                    throw malformed("it is empty");
                }
                int foundVersion = parseInt(versionLine, "version");
                if (foundVersion != version) {
                    throw malformed("version " + foundVersion + " is not the expected " + version);
                }
                String countLine = reader.readLine();
                if (countLine == null) {
                    throw malformed("the entry count is missing");
                }
                int count = parseInt(countLine, "entry count");
                List<T> entries = new ArrayList<>(Math.max(0, Math.min(count, 1 << 16)));
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    T entry = formatter.fromLine(line.trim());
                    if (entry == null) {
                        throw malformed("line '" + line + "' is not an entry");
                    }
                    entries.add(entry);
                }
                if (entries.size() != count) {
                    throw malformed("it declares " + count + " entries but holds " + entries.size());
                }
                return entries;
            } catch (NoSuchFileException e) {
                return new ArrayList<>();
            }
        }
    }

    private int parseInt(String line, String what) throws IOException {
        try {
            return Integer.parseInt(line.trim());
        } catch (NumberFormatException e) {
            throw malformed("the " + what + " '" + line + "' is not a number");
        }
    }

    private IOException malformed(String why) {
        return new IOException("Malformed checkpoint file " + file + ": " + why);
    }

    static void fsyncDirectory(File dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir.toPath(), StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems refuse to open a directory; the rename is still atomic there.
        }
    }
}
