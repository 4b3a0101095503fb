package io.samsa.tools.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A text table as Kafka's tools print theirs: a header row of column names, then one row per
 * item, each column left-aligned and as wide as its widest cell (or a minimum), columns separated
 * by one space, no trailing spaces. A null cell prints as {@code -}. Not thread-safe.
 */
public final class Table {

    private final List<String> headers;
    private final int[] minWidths;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... headers) {
        this.headers = List.of(headers);
        this.minWidths = new int[headers.length];
    }

    /** Pads column {@code column} (from 0) to at least {@code width} characters. */
    public Table minWidth(int column, int width) {
        minWidths[column] = width;
        return this;
    }

    /** Adds a row; its cells are printed with {@link String#valueOf}, nulls as {@code -}. */
    public Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("a row of " + headers.size() + " columns, not " + Arrays.toString(cells));
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(cell == null ? "-" : String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Prints the header and the rows. */
    public void print(PrintStream out) {
        int[] widths = minWidths.clone();
        for (int c = 0; c < headers.size(); c++) {
            widths[c] = Math.max(widths[c], headers.get(c).length());
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        printRow(out, headers, widths);
        for (List<String> row : rows) {
            printRow(out, row, widths);
        }
    }

    private static void printRow(PrintStream out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            line.append(cell);
            if (c < cells.size() - 1) {
                line.append(" ".repeat(widths[c] - cell.length() + 1));
            }
        }
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        out.println(line.substring(0, end));
    }
}
