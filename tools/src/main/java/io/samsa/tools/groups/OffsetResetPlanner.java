package io.samsa.tools.groups;

import io.samsa.common.TopicPartition;
import io.samsa.tools.cli.ToolFailure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Computes the new offsets of a {@code --reset-offsets} scenario from what the cluster said, as
 * Kafka's tool does: earliest and latest are the log's start and end; {@code --to-current} keeps
 * the committed offset (the log end where there is none); {@code --to-offset} and
 * {@code --shift-by} are kept within the log, with a warning when moved; by time, the first offset
 * at or after it, or the log end (with a warning) when no record is that recent; {@code --from-file}'s
 * offsets are kept within the log as {@code --to-offset}'s. Pure: the
 * lookups are the caller's ({@link OffsetReset}). Immutable.
 *
 * @param committed the group's committed offsets (partitions without one are absent)
 * @param logStart  the partitions' log start offsets (absent when unknown)
 * @param logEnd    the partitions' log end offsets (absent when unknown)
 * @param atTime    for a reset by time, the first offset at or after it, -1 when there is none
 */
record OffsetResetPlanner(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> logStart,
                          Map<TopicPartition, Long> logEnd, Map<TopicPartition, Long> atTime) {

    /**
     * The plan for {@code partitions}, in order.
     *
     * @param nowMs    the time now, for {@code --by-duration}
     * @param warnings where a partition whose offset was moved or fell back is reported
     * @throws ToolFailure when an offset the scenario needs is unknown, or there is nothing to shift
     */
    List<PlannedOffset> plan(String group, ResetSpec spec, long nowMs, Collection<TopicPartition> partitions,
                             Consumer<String> warnings) {
        List<PlannedOffset> plan = new ArrayList<>();
        for (TopicPartition p : new TreeSet<>(partitions)) {
            Long current = committed.get(p);
            long target = switch (spec.kind()) {
                case TO_EARLIEST -> need(logStart, p, "log start offset");
                case TO_LATEST -> need(logEnd, p, "log end offset");
                case TO_CURRENT -> current != null ? current : need(logEnd, p, "log end offset");
                case TO_OFFSET -> withinLog(p, spec.value(), warnings);
                case SHIFT_BY -> {
                    if (current == null) {
                        throw new ToolFailure("cannot shift the offset of " + p + ": group '" + group
                                + "' has no committed offset there");
                    }
                    yield withinLog(p, current + spec.value(), warnings);
                }
                case TO_DATETIME, BY_DURATION -> byTime(p, spec.timestamp(nowMs), warnings);
                case FROM_FILE -> throw new IllegalArgumentException("--from-file is planned by planRequested");
            };
            plan.add(new PlannedOffset(p, current, target));
        }
        return plan;
    }

    /**
     * The plan of {@code --from-file}: each partition's requested offset, kept within its log (with
     * a warning when moved), in partition order.
     */
    List<PlannedOffset> planRequested(Map<TopicPartition, Long> requested, Consumer<String> warnings) {
        List<PlannedOffset> plan = new ArrayList<>();
        for (TopicPartition p : new TreeSet<>(requested.keySet())) {
            plan.add(new PlannedOffset(p, committed.get(p), withinLog(p, requested.get(p), warnings)));
        }
        return plan;
    }

    private long withinLog(TopicPartition p, long offset, Consumer<String> warnings) {
        long end = need(logEnd, p, "log end offset");
        if (offset > end) {
            warnings.accept("new offset " + offset + " of " + p + " is past its log end offset " + end + "; using " + end);
            return end;
        }
        long start = need(logStart, p, "log start offset");
        if (offset < start) {
            warnings.accept("new offset " + offset + " of " + p + " is before its log start offset " + start + "; using "
                    + start);
            return start;
        }
        return offset;
    }

    private long byTime(TopicPartition p, long timestamp, Consumer<String> warnings) {
        long offset = need(atTime, p, "offset at " + Instant.ofEpochMilli(timestamp));
        if (offset >= 0) {
            return offset;
        }
        long end = need(logEnd, p, "log end offset");
        warnings.accept(p + " has no record at or after " + Instant.ofEpochMilli(timestamp) + "; using its log end offset "
                + end);
        return end;
    }

    private static long need(Map<TopicPartition, Long> offsets, TopicPartition p, String what) {
        Long offset = offsets.get(p);
        if (offset == null) {
            throw new ToolFailure("cannot get the " + what + " of " + p);
        }
        return offset;
    }
}
