package io.samsa.systest.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The table of every scenario run by this JVM, rewritten to a file after each scenario (so a run
 * that fails half-way still leaves the rows it has) and printed whole at the end. Thread-safe.
 */
final class ResultTable {

    private final Path file;
    private final String title;
    private final List<ScenarioResult> rows = new ArrayList<>();

    ResultTable(Path file, String title) {
        this.file = file;
        this.title = title;
    }

    synchronized void add(ScenarioResult row) {
        rows.add(row);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, render());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    synchronized String render() {
        StringBuilder sb = new StringBuilder(title).append('\n').append(ScenarioResult.HEADER).append('\n');
        rows.forEach(r -> sb.append(r.row()).append('\n'));
        return sb.toString();
    }

    Path file() {
        return file;
    }
}
