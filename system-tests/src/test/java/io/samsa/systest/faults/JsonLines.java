package io.samsa.systest.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows a file of JSON lines that another process is still writing (a verifiable tool's stdout):
 * each call returns the objects on lines completed since the previous call, so a poll costs only
 * what was added. A partly written last line waits for the next call; lines that are not JSON
 * objects (a tool's occasional plain message) are skipped. Not thread-safe.
 */
final class JsonLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private long position;

    JsonLines(Path file) {
        this.file = file;
    }

    List<JsonNode> readNew() {
        List<JsonNode> events = new ArrayList<>();
        if (!Files.exists(file)) {
            return events;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length <= position) {
                return events;
            }
            byte[] bytes = new byte[(int) (length - position)];
            in.seek(position);
            in.readFully(bytes);
            int lineStart = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    String line = new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8).trim();
                    if (line.startsWith("{")) {
                        events.add(JSON.readTree(line));
                    }
                    lineStart = i + 1;
                }
            }
            position += lineStart;
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
