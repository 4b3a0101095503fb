package io.samsa.core.log;

import java.io.IOException;

/**
 * Told each time swapping a cleaned segment into a log passes a step of Kafka's crash-safe
 * protocol ({@code .cleaned} written, renamed {@code .swap}, old segments renamed
 * {@code .deleted}, {@code .swap} renamed to the live names). Production passes {@link #NONE};
 * tests throw from a step to leave the files exactly as a crash there would. Implementations are
 * called on the cleaner thread, some steps with the log's lock held.
 */
@FunctionalInterface
interface SwapObserver {

    SwapObserver NONE = step -> { };

    /** The swap steps, in the order they happen. */
    enum Step {
        /** The {@code .cleaned} files are complete and fsynced; nothing live has changed. */
        CLEANED_WRITTEN,
        /** The cleaned files are renamed {@code .swap}: from here a restart completes the swap. */
        RENAMED_TO_SWAP,
        /** The log serves the new segment; the old ones are renamed {@code .deleted}. */
        OLD_SEGMENTS_REMOVED,
        /** The new segment has its live file names. */
        SWAP_COMPLETED
    }

    void reached(Step step) throws IOException;
}
