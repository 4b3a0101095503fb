package io.samsa.core.log;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.RandomAccessFile;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OffsetIndexTest {

    @TempDir
    Path tmp;

    private File indexFile() {
        return LogFileNames.offsetIndexFile(tmp.toFile(), 100);
    }

    @Test
    void newIndexIsPreallocatedAndEmpty() throws Exception {
        try (OffsetIndex index = new OffsetIndex(indexFile(), 100, 1000)) {
            assertEquals(0, index.entries());
            assertEquals(125, index.maxEntries());
            assertEquals(1000, indexFile().length());
            assertEquals(new OffsetPosition(100, 0), index.lookup(150));
        }
    }

    @Test
    void lookupFindsLargestEntryAtOrBelowTarget() throws Exception {
        try (OffsetIndex index = new OffsetIndex(indexFile(), 100, 8 * 1000)) {
            for (int i = 0; i < 500; i++) {
                index.append(100 + i * 10L, i * 4096);
            }
            assertEquals(new OffsetPosition(100, 0), index.lookup(99));
            assertEquals(new OffsetPosition(100, 0), index.lookup(100));
            assertEquals(new OffsetPosition(100, 0), index.lookup(109));
            assertEquals(new OffsetPosition(110, 4096), index.lookup(110));
            assertEquals(new OffsetPosition(2550, 245 * 4096), index.lookup(2555));
            // In the warm tail and beyond the last entry.
            assertEquals(new OffsetPosition(5090, 499 * 4096), index.lookup(5095));
            assertEquals(new OffsetPosition(5090, 499 * 4096), index.lookup(Long.MAX_VALUE));
            for (int i = 0; i < 500; i++) {
                assertEquals(new OffsetPosition(100 + i * 10L, i * 4096), index.lookup(100 + i * 10L + 5));
            }
        }
    }

    @Test
    void appendRejectsNonIncreasingOffsetsAndFullIndex() throws Exception {
        try (OffsetIndex index = new OffsetIndex(indexFile(), 100, 16)) {
            index.append(101, 10);
            assertThrows(IllegalStateException.class, () -> index.append(101, 20));
            index.append(105, 20);
            assertTrue(index.isFull());
            assertThrows(IllegalStateException.class, () -> index.append(110, 30));
        }
    }

    @Test
    void truncateToDropsEntriesAtOrAboveOffset() throws Exception {
        try (OffsetIndex index = new OffsetIndex(indexFile(), 0, 800)) {
            for (int i = 1; i <= 10; i++) {
                index.append(i * 10L, i * 100);
            }
            index.truncateTo(55);
            assertEquals(5, index.entries());
            assertEquals(50, index.lastOffset());
            index.truncateTo(50);
            assertEquals(4, index.entries());
            assertEquals(new OffsetPosition(40, 400), index.lookup(1000));
            index.truncateTo(0);
            assertEquals(0, index.entries());
            assertEquals(new OffsetPosition(0, 0), index.lookup(1000));
            index.append(5, 50);
            assertEquals(new OffsetPosition(5, 50), index.lookup(7));
        }
    }

    @Test
    void closeTrimsAndReopenKeepsEntries() throws Exception {
        OffsetIndex index = new OffsetIndex(indexFile(), 100, 8000);
        index.append(110, 1000);
        index.append(120, 2000);
        index.close();
        assertEquals(16, indexFile().length());
        try (OffsetIndex reopened = new OffsetIndex(indexFile(), 100, 8000)) {
            assertEquals(2, reopened.entries());
            assertEquals(120, reopened.lastOffset());
            assertEquals(new OffsetPosition(110, 1000), reopened.lookup(115));
            reopened.sanityCheck();
            reopened.resize(8000);
            reopened.append(130, 3000);
            assertEquals(3, reopened.entries());
            assertFalse(reopened.isFull());
        }
    }

    @Test
    void sanityCheckDetectsZeroedTailAndBadLength() throws Exception {
        // A crash leaves the preallocated file: real entries followed by zeros.
        OffsetIndex index = new OffsetIndex(indexFile(), 100, 80);
        index.append(110, 1000);
        index.append(120, 2000);
        index.flush();
        index.deleteIfExists();
        File f = indexFile();
        try (RandomAccessFile raf = new RandomAccessFile(f, "rw")) {
            raf.setLength(80);
            raf.writeInt(10);
            raf.writeInt(1000);
            raf.writeInt(20);
            raf.writeInt(2000);
        }
        try (OffsetIndex crashed = new OffsetIndex(f, 100, 80)) {
            assertThrows(CorruptIndexException.class, crashed::sanityCheck);
        }
        try (RandomAccessFile raf = new RandomAccessFile(f, "rw")) {
            raf.setLength(13);
        }
        try (OffsetIndex odd = new OffsetIndex(f, 100, 80)) {
            assertThrows(CorruptIndexException.class, odd::sanityCheck);
        }
    }
}
