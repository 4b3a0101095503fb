package io.samsa.tools.cli;

import io.samsa.common.MockTime;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final MockTime time = new MockTime();

    @Test
    void withoutATerminalNothingIsPrinted() {
        try (Progress p = new Progress(err, false, time)) {
            p.update("10%");
            p.hide();
        }
        assertEquals("", text());
    }

    @Test
    void onATerminalTheLineIsRewrittenAtMostFourTimesASecondAndErasedAtTheEnd() {
        try (Progress p = new Progress(err, true, time)) {
            p.update("moving 1 of 10");
            p.update("moving 2 of 10");
            time.advance(Progress.MIN_INTERVAL_MS);
            p.update("done 3");
        }
        assertEquals("\rmoving 1 of 10\rdone 3        \r" + " ".repeat(6) + "\r", text());
    }

    @Test
    void dueSaysWhetherAnUpdateWouldBeShown() {
        Progress p = Progress.shownOn(err, time);
        assertTrue(p.due(), "nothing shown yet");
        p.update("1");
        assertFalse(p.due());
        time.advance(Progress.MIN_INTERVAL_MS);
        assertTrue(p.due());
        assertFalse(Progress.none().due(), "never, without a terminal");
        Progress.none().update("x");
        assertEquals("\r1", text());
    }

    @Test
    void hideErasesTheLineBeforeOtherOutput() {
        Progress p = new Progress(err, true, time);
        p.update("50%");
        p.hide();
        p.hide();
        assertEquals("\r50%\r   \r", text());
    }

    @Test
    void bytesAreShownInTheLargestUnit() {
        assertEquals("512 B", Progress.bytes(512));
        assertEquals("1.5 KB", Progress.bytes(1536));
        assertEquals("16.0 MB", Progress.bytes(16L * 1024 * 1024));
    }

    @Test
    void escapesStandForTheirCharacters() {
        assertEquals("a\tb\nc\\d\\x", Escapes.unescape("a\\tb\\nc\\\\d\\x"));
        assertEquals("plain", Escapes.unescape("plain"));
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
