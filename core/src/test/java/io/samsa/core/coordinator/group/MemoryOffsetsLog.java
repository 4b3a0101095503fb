package io.samsa.core.coordinator.group;

import io.samsa.common.Errors;
import io.samsa.record.MemoryRecords;
import io.samsa.record.Record;
import io.samsa.record.RecordBatch;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory {@link OffsetsLog}: appended batches are decoded into records per partition, so
 * tests see exactly what the coordinator wrote; appends can be made to fail. Not thread-safe.
 */
final class MemoryOffsetsLog implements OffsetsLog {

    record Entry(long offset, ByteBuffer key, ByteBuffer value) {
    }

    private final Map<Integer, List<Entry>> partitions = new HashMap<>();
    private Errors failWith = Errors.NONE;

    void failAppendsWith(Errors error) {
        this.failWith = error;
    }

    List<Entry> records(int partition) {
        return partitions.getOrDefault(partition, List.of());
    }

    @Override
    public void append(int partition, ByteBuffer records, AppendCallback callback) {
        if (failWith != Errors.NONE) {
            callback.onComplete(failWith, -1L);
            return;
        }
        List<Entry> log = partitions.computeIfAbsent(partition, p -> new ArrayList<>());
        long base = log.size();
        long next = base;
        for (RecordBatch batch : MemoryRecords.readableRecords(records).batches()) {
            for (Record r : batch) {
                log.add(new Entry(next++, copy(r.key()), copy(r.value())));
            }
        }
        callback.onComplete(Errors.NONE, base);
    }

    @Override
    public boolean replay(int partition, RecordVisitor visitor) {
        for (Entry e : records(partition)) {
            visitor.visit(e.offset(), e.key().duplicate(), e.value() == null ? null : e.value().duplicate());
        }
        return true;
    }

    private static ByteBuffer copy(ByteBuffer b) {
        if (b == null) {
            return null;
        }
        ByteBuffer out = ByteBuffer.allocate(b.remaining());
        out.put(b.duplicate()).flip();
        return out;
    }
}
