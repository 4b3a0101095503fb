package io.samsa.core.log;

/**
 * An offset of the log together with where it sits on disk: the base offset of the segment that
 * holds it and its byte position in that segment, so that a read bounded by this offset needs no
 * index lookup. Positions may be unknown ({@link #UNKNOWN_POSITION}) for offsets that came from
 * elsewhere (a follower's fetch offset, a checkpoint). Immutable.
 */
public record LogOffsetMetadata(long messageOffset, long segmentBaseOffset, int relativePositionInSegment) {

    public static final long UNKNOWN_SEGMENT = -1L;
    public static final int UNKNOWN_POSITION = -1;

    public static LogOffsetMetadata offsetOnly(long offset) {
        return new LogOffsetMetadata(offset, UNKNOWN_SEGMENT, UNKNOWN_POSITION);
    }

    public boolean positionKnown() {
        return segmentBaseOffset != UNKNOWN_SEGMENT && relativePositionInSegment != UNKNOWN_POSITION;
    }

    /** Whether this offset lies in a segment older than {@code that}'s (both positions known). */
    public boolean onOlderSegment(LogOffsetMetadata that) {
        return segmentBaseOffset < that.segmentBaseOffset;
    }

    /** Bytes from {@code that} to this offset, both in the same segment. */
    public int positionDiff(LogOffsetMetadata that) {
        return relativePositionInSegment - that.relativePositionInSegment;
    }
}
