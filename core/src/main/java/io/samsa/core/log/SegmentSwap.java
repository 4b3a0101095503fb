package io.samsa.core.log;

import io.samsa.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.util.List;

/**
 * The log cleaner's swap of a cleaned segment (files named {@code .cleaned}, complete and
 * fsynced) for the segments it was written from, by Kafka's crash-safe protocol: rename it
 * {@code .swap} (a restart from here on completes the swap, see {@link LogLoader}), serve it
 * instead of the old segments and rename those {@code .deleted}, then give it the live names. The
 * cleaned segment has the first old segment's base offset.
 *
 * <p>Not thread-safe: {@link Log#replaceSegments} calls it under the log's lock, on an open log.
 */
final class SegmentSwap {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentSwap.class);

    private final TopicPartition topicPartition;
    private final LogSegments segments;
    private final Scheduler scheduler;

    SegmentSwap(TopicPartition topicPartition, LogSegments segments, Scheduler scheduler) {
        this.topicPartition = topicPartition;
        this.segments = segments;
        this.scheduler = scheduler;
    }

    /**
     * Swaps {@code cleaned} in for {@code oldSegments} in {@code dir}. Nothing happens, and false
     * comes back, when the log changed under the cleaner: one of the old segments removed,
     * truncated or active.
     *
     * @param oldSizes the sizes the old segments had when the cleaner read them
     */
    boolean swap(File dir, LogConfig config, LogSegment cleaned, List<LogSegment> oldSegments, List<Integer> oldSizes,
                 SwapObserver observer) throws IOException {
        LogSegment active = segments.active();
        for (int i = 0; i < oldSegments.size(); i++) {
            LogSegment old = oldSegments.get(i);
            if (segments.get(old.baseOffset()) != old || old == active || old.size() != oldSizes.get(i)) {
                LOG.info("Not swapping in the cleaned segment {} of {}: the log changed while it was cleaned",
                        cleaned.baseOffset(), topicPartition);
                return false;
            }
        }
        cleaned.changeFileSuffixes(LogFileNames.CLEANED_SUFFIX, LogFileNames.SWAP_SUFFIX);
        CheckpointFile.fsyncDirectory(dir);
        observer.reached(SwapObserver.Step.RENAMED_TO_SWAP);
        segments.add(cleaned);
        for (LogSegment old : oldSegments) {
            if (old.baseOffset() != cleaned.baseOffset()) {
                segments.remove(old.baseOffset());
            }
        }
        SegmentFiles.deleteLater(oldSegments, scheduler, config.fileDeleteDelayMs());
        observer.reached(SwapObserver.Step.OLD_SEGMENTS_REMOVED);
        cleaned.changeFileSuffixes(LogFileNames.SWAP_SUFFIX, "");
        CheckpointFile.fsyncDirectory(dir);
        observer.reached(SwapObserver.Step.SWAP_COMPLETED);
        return true;
    }
}
