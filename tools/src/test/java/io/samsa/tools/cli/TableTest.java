package io.samsa.tools.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TableTest {

    @Test
    void columnsAreAsWideAsTheirWidestCellWithoutTrailingSpaces() {
        Table t = new Table("ID", "HOST:PORT", "RACK").row(1, "localhost:9092", null).row(10, "h:1", "r1");
        assertEquals("ID HOST:PORT      RACK\n"
                + "1  localhost:9092 -\n"
                + "10 h:1            r1\n", print(t));
    }

    @Test
    void minimumWidthsPadNarrowColumns() {
        Table t = new Table("GROUP", "TOPIC").minWidth(0, 8).row("g", "t");
        assertEquals("GROUP    TOPIC\ng        t\n", print(t));
    }

    @Test
    void anEmptyTableIsItsHeader() {
        Table t = new Table("A", "B");
        assertEquals(true, t.isEmpty());
        assertEquals("A B\n", print(t));
    }

    @Test
    void aRowMustHaveEveryColumn() {
        assertThrows(IllegalArgumentException.class, () -> new Table("A", "B").row("x"));
    }

    private static String print(Table t) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        t.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
