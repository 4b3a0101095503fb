package io.samsa.core.log;

import java.io.File;
import java.io.IOException;
import java.util.Collection;
import java.util.List;

/**
 * A partition's {@code leader-epoch-checkpoint}: version 0, then lines {@code <epoch> <startOffset>}
 * in increasing order. Thread-safe.
 */
public final class LeaderEpochCheckpointFile {

    static final int VERSION = 0;

    private static final CheckpointFile.Formatter<EpochEntry> FORMAT = new CheckpointFile.Formatter<>() {
        @Override
        public String toLine(EpochEntry e) {
            return e.epoch() + " " + e.startOffset();
        }

        @Override
        public EpochEntry fromLine(String line) {
            String[] parts = line.split("\\s+");
            if (parts.length != 2) {
                return null;
            }
            try {
                return new EpochEntry(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    };

    private final CheckpointFile<EpochEntry> file;

    public LeaderEpochCheckpointFile(File file) {
        this.file = new CheckpointFile<>(file, VERSION, FORMAT);
    }

    public File file() {
        return file.file();
    }

    public void write(Collection<EpochEntry> entries) throws IOException {
        file.write(entries);
    }

    public List<EpochEntry> read() throws IOException {
        return file.read();
    }
}
