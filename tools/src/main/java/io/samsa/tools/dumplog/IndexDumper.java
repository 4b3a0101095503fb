package io.samsa.tools.dumplog;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.samsa.core.log.CorruptIndexException;
import io.samsa.core.log.FileBatchCursor;
import io.samsa.core.log.FileRecords;
import io.samsa.core.log.LogFileNames;
import io.samsa.core.log.OffsetIndex;
import io.samsa.core.log.OffsetPosition;
import io.samsa.core.log.TimeIndex;
import io.samsa.core.log.TimestampOffset;

import java.io.File;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

/**
 * Dumps an offset index ({@code offset: O position: P} per entry) or a time index
 * ({@code timestamp: T offset: O}), checking each entry against the segment beside it, as
 * Kafka's tool does: an offset index entry must point at the batch whose last offset it names; a
 * time index entry must name the last offset of a batch whose max timestamp it holds, and
 * timestamps must increase. A preallocated index (the active segment's) ends in zeroed slots,
 * where the dump stops. {@code --verify-index-only} prints only the problems;
 * {@code --index-sanity-check} runs the check a broker runs at startup instead. Indexes are
 * mapped read-only. Stateless.
 */
final class IndexDumper {

    /** What is wrong with one entry: the index's value and what the log holds (-1 when nothing). */
    record Problem(String kind, long indexValue, long logValue) {
    }

    private IndexDumper() {
    }

    static List<Problem> dumpOffsetIndex(File file, DumpLogOptions options, DumpOutput output) throws IOException {
        long baseOffset = LogFileNames.offsetFromFileName(file.getName());
        List<Problem> problems = new ArrayList<>();
        try (OffsetIndex index = new OffsetIndex(file, baseOffset, -1, false)) {
            if (options.indexSanityCheck()) {
                sanity(file, index::sanityCheck, output, problems);
                return problems;
            }
            if (index.entries() == 0) {
                output.field(file + " is empty.", "empty", true);
                return problems;
            }
            try (FileRecords log = FileRecords.openReadOnly(segment(file, baseOffset))) {
                for (int i = 0; i < index.entries(); i++) {
                    OffsetPosition e = index.entry(i);
                    if (e.offset() == baseOffset && i > 0) {
                        break; // the zeroed slots of a preallocated file
                    }
                    long found = lastOffsetAt(log, e.position(), options.maxMessageSize());
                    if (found != e.offset()) {
                        problems.add(new Problem("mismatch", e.offset(), found));
                    }
                    if (!options.verifyIndexOnly()) {
                        ObjectNode json = JsonNodeFactory.instance.objectNode();
                        json.put("offset", e.offset());
                        json.put("position", e.position());
                        output.entry("offset: " + e.offset() + " position: " + e.position(), json);
                    }
                }
            }
        }
        return problems;
    }

    static List<Problem> dumpTimeIndex(File file, DumpLogOptions options, DumpOutput output) throws IOException {
        long baseOffset = LogFileNames.offsetFromFileName(file.getName());
        List<Problem> problems = new ArrayList<>();
        try (TimeIndex index = new TimeIndex(file, baseOffset, -1, false)) {
            if (options.indexSanityCheck()) {
                sanity(file, index::sanityCheck, output, problems);
                return problems;
            }
            File offsetIndexFile = LogFileNames.offsetIndexFile(file.getAbsoluteFile().getParentFile(), baseOffset);
            try (FileRecords log = FileRecords.openReadOnly(segment(file, baseOffset));
                 OffsetIndex offsets = new OffsetIndex(existing(offsetIndexFile, file), baseOffset, -1, false)) {
                long previous = TimestampOffset.NO_TIMESTAMP;
                for (int i = 0; i < index.entries(); i++) {
                    TimestampOffset e = index.entry(i);
                    if (e.offset() == baseOffset && i > 0) {
                        break;
                    }
                    FileBatchCursor cursor = log.batchesFrom(offsets.lookup(e.offset()).position());
                    boolean found = false;
                    while (cursor.next()) {
                        if (cursor.lastOffset() >= e.offset()) {
                            found = true;
                            break;
                        }
                    }
                    if (!found) {
                        problems.add(new Problem("offset not found", e.offset(), -1));
                    } else if (cursor.lastOffset() != e.offset()) {
                        problems.add(new Problem("offset not found", e.offset(), cursor.lastOffset()));
                    } else {
                        if (cursor.maxTimestamp() != e.timestamp()) {
                            problems.add(new Problem("timestamp mismatch", e.timestamp(), cursor.maxTimestamp()));
                        }
                        if (previous >= e.timestamp()) {
                            problems.add(new Problem("timestamp out of order", e.timestamp(), previous));
                        }
                    }
                    if (!options.verifyIndexOnly()) {
                        ObjectNode json = JsonNodeFactory.instance.objectNode();
                        json.put("timestamp", e.timestamp());
                        json.put("offset", e.offset());
                        output.entry("timestamp: " + e.timestamp() + " offset: " + e.offset(), json);
                    }
                    previous = e.timestamp();
                }
            }
        }
        return problems;
    }

    private static void sanity(File file, Runnable check, DumpOutput output, List<Problem> problems) {
        try {
            check.run();
            output.field(file + " passed sanity check.", "sanityCheck", "passed");
        } catch (CorruptIndexException e) {
            output.field(null, "sanityCheck", e.getMessage());
            problems.add(new Problem("sanity check failed: " + e.getMessage(), -1, -1));
        }
    }

    /** The last offset of the batch at {@code position}, or -1 when no whole batch starts there. */
    private static long lastOffsetAt(FileRecords log, int position, int maxMessageSize) throws IOException {
        if (position < 0 || position >= log.sizeInBytes()) {
            return -1;
        }
        FileBatchCursor cursor = log.batchesFrom(position);
        if (!cursor.next() || cursor.sizeInBytes() > maxMessageSize) {
            return -1;
        }
        return cursor.lastOffset();
    }

    private static File segment(File index, long baseOffset) throws NoSuchFileException {
        return existing(LogFileNames.logFile(index.getAbsoluteFile().getParentFile(), baseOffset), index);
    }

    private static File existing(File f, File index) throws NoSuchFileException {
        if (!f.isFile()) {
            throw new NoSuchFileException(f.getPath(), null, "checking " + index.getName() + " needs it beside the index");
        }
        return f;
    }
}
