package io.samsa.core.log;

import io.samsa.common.TopicPartition;

import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A per-log-dir file of one offset per partition, in Kafka's format (version 0, lines
 * {@code <topic> <partition> <offset>}): {@code recovery-point-offset-checkpoint},
 * {@code log-start-offset-checkpoint} and {@code replication-offset-checkpoint}. Thread-safe.
 */
public final class OffsetCheckpointFile {

    static final int VERSION = 0;

    private record Entry(TopicPartition tp, long offset) {
    }

    private static final CheckpointFile.Formatter<Entry> FORMAT = new CheckpointFile.Formatter<>() {
        @Override
        public String toLine(Entry e) {
            return e.tp().topic() + " " + e.tp().partition() + " " + e.offset();
        }

        @Override
        public Entry fromLine(String line) {
            String[] parts = line.split("\\s+");
            if (parts.length != 3) {
                return null;
            }
            try {
                return new Entry(new TopicPartition(parts[0], Integer.parseInt(parts[1])), Long.parseLong(parts[2]));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    };

    private final CheckpointFile<Entry> file;

    public OffsetCheckpointFile(File file) {
        this.file = new CheckpointFile<>(file, VERSION, FORMAT);
    }

    public File file() {
        return file.file();
    }

    public void write(Map<TopicPartition, Long> offsets) throws IOException {
        // Sorted so that the file is stable and easy to read.
        List<Entry> entries = new TreeMap<>(offsets).entrySet().stream()
                .map(e -> new Entry(e.getKey(), e.getValue())).toList();
        file.write(entries);
    }

    /** The offsets; empty if the file does not exist. */
    public Map<TopicPartition, Long> read() throws IOException {
        Map<TopicPartition, Long> out = new HashMap<>();
        for (Entry e : file.read()) {
            out.put(e.tp(), e.offset());
        }
        return out;
    }
}
