package io.samsa.core.log;

/** Thrown on a cleaner thread when the partition it cleans is being deleted or truncated; the cleaning is dropped. */
final class LogCleaningAbortedException extends RuntimeException {

    LogCleaningAbortedException(String message) {
        super(message, null, false, false);
    }
}
