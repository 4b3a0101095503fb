package io.samsa.tools.dumplog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.samsa.tools.cli.Progress;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where the dumpers put what they find, as Kafka's text lines or as one JSON document streamed as
 * it is produced ({@code {"files":[{"file":...,"type":...,"entries":[...],...}]}}), so that a
 * dump of a large segment never holds more than one batch in memory. Each finding has both forms:
 * a line of text and a JSON value. Output is buffered; a progress line on the terminal (standard
 * error) is erased before text is printed and redrawn afterwards.
 *
 * <p>Not thread-safe: one dumping thread.
 */
final class DumpOutput implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PrintStream text;
    private final JsonGenerator json;
    private final Progress progress;
    private boolean inFile;
    private boolean inEntries;
    private boolean entriesWritten;

    private DumpOutput(PrintStream text, JsonGenerator json, Progress progress) {
        this.text = text;
        this.json = json;
        this.progress = progress;
    }

    static DumpOutput text(OutputStream out, Progress progress) {
        return new DumpOutput(new PrintStream(new BufferedOutputStream(out, 1 << 16), false, StandardCharsets.UTF_8),
                null, progress);
    }

    static DumpOutput json(OutputStream out, Progress progress) {
        try {
            JsonGenerator g = new JsonFactory(MAPPER).createGenerator(new BufferedOutputStream(out, 1 << 16));
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("files");
            return new DumpOutput(null, g, progress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isJson() {
        return json != null;
    }

    /** {@code Dumping FILE}, or a new file object. */
    void beginFile(Path file, String type) {
        line("Dumping " + file);
        if (json != null) {
            io(() -> {
                json.writeStartObject();
                json.writeStringField("file", file.toString());
                json.writeStringField("type", type);
            });
            inFile = true;
            entriesWritten = false;
        }
    }

    /** A fact about the file: a line of text (none when null), or a field of the file's object. */
    void field(String line, String name, Object value) {
        line(line);
        if (json != null) {
            io(() -> {
                endEntries();
                json.writeFieldName(name);
                json.writeTree(MAPPER.valueToTree(value));
            });
        }
    }

    /** One entry of the file (a batch, an index entry, a producer): a line, or an element of "entries". */
    void entry(String line, JsonNode value) {
        line(line);
        if (json != null) {
            io(() -> {
                if (!inEntries) {
                    if (entriesWritten) {
                        throw new IllegalStateException("entries after the file's summary fields");
                    }
                    json.writeArrayFieldStart("entries");
                    inEntries = true;
                    entriesWritten = true;
                }
                json.writeTree(value);
            });
        }
    }

    void endFile() {
        if (json != null && inFile) {
            io(() -> {
                if (!entriesWritten) {
                    json.writeArrayFieldStart("entries");
                    inEntries = true;
                    entriesWritten = true;
                }
                endEntries();
                json.writeEndObject();
            });
            inFile = false;
        }
    }

    /** Shows {@code what} on the progress line (a terminal only), after what was printed so far. */
    void progress(String what) {
        if (progress.active()) {
            flush();
            progress.update(what);
        }
    }

    void flush() {
        if (text != null) {
            text.flush();
        } else {
            io(json::flush);
        }
    }

    @Override
    public void close() {
        progress.close();
        if (json != null) {
            io(() -> {
                endFile();
                json.writeEndArray();
                json.writeEndObject();
                json.writeRaw('\n');
                json.flush();
            });
        } else {
            text.flush();
        }
    }

    private void line(String line) {
        if (text != null && line != null) {
            progress.hide();
            text.println(line);
        }
    }

    private void endEntries() throws IOException {
        if (inEntries) {
            json.writeEndArray();
            inEntries = false;
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
