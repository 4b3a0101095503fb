package io.samsa.tools.consoleconsumer;

import io.samsa.tools.cli.UsageException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StartOffsetTest {

    @Test
    void parsesEveryForm() throws UsageException {
        assertEquals(new StartOffset.Earliest(), StartOffset.parse("earliest"));
        assertEquals(new StartOffset.Latest(), StartOffset.parse("LATEST"));
        assertEquals(new StartOffset.Absolute(42), StartOffset.parse("42"));
        assertEquals(new StartOffset.Absolute(0), StartOffset.parse("0"));
        assertEquals(new StartOffset.FromEnd(10), StartOffset.parse("-10"));
        assertEquals(new StartOffset.AtTime(1700000000000L), StartOffset.parse("@1700000000000"));
    }

    @Test
    void anythingElseSaysWhatIsAccepted() {
        for (String bad : new String[] {"first", "@-5", "@", "1.5", ""}) {
            assertEquals("--offset must be earliest, latest, N (an offset), -N (N before the end) or @MS (the first "
                    + "record at or after a timestamp in ms), not '" + bad + "'",
                    assertThrows(UsageException.class, () -> StartOffset.parse(bad)).getMessage(), bad);
        }
    }

    @Test
    void resolvesAgainstThePartitionsBounds() {
        // A partition holding offsets 100..149 (end 150).
        assertEquals(100, new StartOffset.Earliest().resolve(100, 150, null));
        assertEquals(150, new StartOffset.Latest().resolve(100, 150, null));
        assertEquals(120, new StartOffset.Absolute(120).resolve(100, 150, null));
        assertEquals(140, new StartOffset.FromEnd(10).resolve(100, 150, null));
        assertEquals(100, new StartOffset.FromEnd(500).resolve(100, 150, null), "never before the beginning");
        assertEquals(150, new StartOffset.FromEnd(0).resolve(100, 150, null));
        assertEquals(133, new StartOffset.AtTime(5).resolve(100, 150, 133L));
        assertEquals(150, new StartOffset.AtTime(5).resolve(100, 150, null), "no record that recent: the end");
    }
}
