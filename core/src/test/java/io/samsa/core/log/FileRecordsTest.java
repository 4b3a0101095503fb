package io.samsa.core.log;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileRecordsTest {

    @TempDir
    Path tmp;

    @Test
    void appendSliceTruncateAndReopen() throws Exception {
        File file = LogFileNames.logFile(tmp.toFile(), 0);
        ByteBuffer a = TestBatches.batch(3, 10, 1000);
        ByteBuffer b = TestBatches.batch(2, 20, 2000);
        int aSize = a.remaining();
        int bSize = b.remaining();
        try (FileRecords records = FileRecords.open(file)) {
            assertEquals(aSize, records.append(a.duplicate()));
            assertEquals(bSize, records.append(b.duplicate()));
            assertEquals(aSize + bSize, records.sizeInBytes());

            FileSlice second = records.slice(aSize, 1 << 20);
            assertEquals(aSize, second.position());
            assertEquals(bSize, second.size());
            assertEquals(b, second.readFully());
            assertEquals(0, records.slice(aSize + bSize, 100).size());

            assertEquals(bSize, records.truncateTo(aSize));
            assertEquals(aSize, records.sizeInBytes());
            assertEquals(aSize, file.length());
        }
        try (FileRecords reopened = FileRecords.open(file)) {
            assertEquals(aSize, reopened.sizeInBytes());
            reopened.append(b.duplicate());
            assertEquals(b, reopened.slice(aSize, bSize).readFully());
        }
    }

    @Test
    void cursorWalksHeadersAndStopsAtPartialBatch() throws Exception {
        File file = LogFileNames.logFile(tmp.toFile(), 0);
        try (FileRecords records = FileRecords.open(file)) {
            ByteBuffer first = TestBatches.batch(3, 10, 1000);
            first.putLong(0, 0L);
            ByteBuffer second = TestBatches.batch(2, 10, 1000);
            second.putLong(0, 3L);
            records.append(first.duplicate());
            records.append(second.duplicate());
            ByteBuffer torn = TestBatches.batch(1, 100, 1000);
            torn.limit(40);
            records.append(torn);

            FileBatchCursor cursor = records.batchesFrom(0);
            assertTrue(cursor.next());
            assertEquals(0, cursor.baseOffset());
            assertEquals(2, cursor.lastOffset());
            assertEquals(0, cursor.position());
            assertTrue(cursor.isValid());
            assertTrue(cursor.next());
            assertEquals(3, cursor.baseOffset());
            assertEquals(4, cursor.lastOffset());
            assertEquals(first.remaining(), cursor.position());
            assertFalse(cursor.next());
            assertTrue(cursor.stoppedOnPartialBatch());
        }
    }
}
