package io.samsa.core.log;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeIndexTest {

    @TempDir
    Path tmp;

    private File indexFile() {
        return LogFileNames.timeIndexFile(tmp.toFile(), 1000);
    }

    @Test
    void lookupFindsLastEntryAtOrBeforeTimestamp() throws Exception {
        try (TimeIndex index = new TimeIndex(indexFile(), 1000, 12 * 100)) {
            assertEquals(new TimestampOffset(-1, 1000), index.lookup(5));
            for (int i = 0; i < 50; i++) {
                index.maybeAppend(10_000 + i * 100L, 1000 + i * 5L);
            }
            assertEquals(new TimestampOffset(-1, 1000), index.lookup(9_999));
            assertEquals(new TimestampOffset(10_000, 1000), index.lookup(10_000));
            assertEquals(new TimestampOffset(10_200, 1010), index.lookup(10_250));
            assertEquals(new TimestampOffset(14_900, 1245), index.lookup(Long.MAX_VALUE));
        }
    }

    @Test
    void onlyLargerTimestampsAreAppendedAndOrderIsEnforced() throws Exception {
        try (TimeIndex index = new TimeIndex(indexFile(), 1000, 12 * 100)) {
            index.maybeAppend(500, 1001);
            index.maybeAppend(500, 1002);
            assertEquals(1, index.entries());
            assertThrows(IllegalStateException.class, () -> index.maybeAppend(400, 1003));
            assertThrows(IllegalStateException.class, () -> index.maybeAppend(600, 1000));
            index.maybeAppend(600, 1003);
            assertEquals(new TimestampOffset(600, 1003), index.lastEntry());
        }
    }

    @Test
    void lastSlotIsReservedForRoll() throws Exception {
        try (TimeIndex index = new TimeIndex(indexFile(), 0, 36)) {
            index.maybeAppend(1, 1);
            index.maybeAppend(2, 2);
            assertTrue(index.isFull());
            assertThrows(IllegalStateException.class, () -> index.maybeAppend(3, 3));
            index.maybeAppend(3, 3, true);
            assertEquals(3, index.entries());
        }
    }

    @Test
    void truncateToAndReopen() throws Exception {
        TimeIndex index = new TimeIndex(indexFile(), 1000, 12 * 100);
        for (int i = 1; i <= 10; i++) {
            index.maybeAppend(i * 100L, 1000 + i * 10L);
        }
        index.truncateTo(1055);
        assertEquals(5, index.entries());
        index.truncateTo(1050);
        assertEquals(4, index.entries());
        assertEquals(new TimestampOffset(400, 1040), index.lastEntry());
        index.close();
        assertEquals(48, indexFile().length());
        try (TimeIndex reopened = new TimeIndex(indexFile(), 1000, 12 * 100)) {
            reopened.sanityCheck();
            assertEquals(new TimestampOffset(400, 1040), reopened.lastEntry());
            assertEquals(new TimestampOffset(200, 1020), reopened.lookup(250));
        }
    }
}
