package io.samsa.core.log;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A log's segments by base offset; the last one is the active segment. Backed by a concurrent
 * skip list so readers find segments without the log's lock while the appender rolls, truncates
 * or deletes. Thread-safe; structural changes come from the log's lock holder.
 */
public final class LogSegments {

    private final ConcurrentNavigableMap<Long, LogSegment> segments = new ConcurrentSkipListMap<>();

    void add(LogSegment segment) {
        segments.put(segment.baseOffset(), segment);
    }

    void remove(long baseOffset) {
        segments.remove(baseOffset);
    }

    void clear() {
        segments.clear();
    }

    public boolean isEmpty() {
        return segments.isEmpty();
    }

    public int count() {
        return segments.size();
    }

    public boolean contains(long baseOffset) {
        return segments.containsKey(baseOffset);
    }

    public LogSegment get(long baseOffset) {
        return segments.get(baseOffset);
    }

    /** The active segment, or null if there is none. */
    public LogSegment active() {
        Map.Entry<Long, LogSegment> e = segments.lastEntry();
        return e == null ? null : e.getValue();
    }

    public LogSegment first() {
        Map.Entry<Long, LogSegment> e = segments.firstEntry();
        return e == null ? null : e.getValue();
    }

    /** The segment that would hold {@code offset}: the last one starting at or below it. */
    public LogSegment floor(long offset) {
        Map.Entry<Long, LogSegment> e = segments.floorEntry(offset);
        return e == null ? null : e.getValue();
    }

    /** The first segment starting above {@code baseOffset}. */
    public LogSegment higher(long baseOffset) {
        Map.Entry<Long, LogSegment> e = segments.higherEntry(baseOffset);
        return e == null ? null : e.getValue();
    }

    /** All segments in offset order (a weakly consistent view). */
    public Collection<LogSegment> all() {
        return segments.values();
    }

    /** A snapshot of the segments that may hold offsets in [{@code from}, {@code to}). */
    public List<LogSegment> overlapping(long from, long to) {
        if (to <= from) {
            return new ArrayList<>();
        }
        Long start = segments.floorKey(from);
        ConcurrentNavigableMap<Long, LogSegment> view = start == null
                ? segments.headMap(to, false) : segments.subMap(start, true, to, false);
        return new ArrayList<>(view.values());
    }

    /** Every segment at or above {@code baseOffset}, in order. */
    public List<LogSegment> from(long baseOffset) {
        return new ArrayList<>(segments.tailMap(baseOffset, true).values());
    }

    public long sizeInBytes() {
        long total = 0;
        for (LogSegment s : segments.values()) {
            total += s.size();
        }
        return total;
    }
}
