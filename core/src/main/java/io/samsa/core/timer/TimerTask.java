package io.samsa.core.timer;

/**
 * Work to run once its delay has passed, unless cancelled first. A task belongs to at most one
 * {@link Timer} slot at a time. Thread-safe.
 */
public abstract class TimerTask implements Runnable {

    private final long delayMs;
    /** The slot holding this task, or null; guarded by this. */
    private TimerTaskEntry entry;

    protected TimerTask(long delayMs) {
        this.delayMs = delayMs;
    }

    public final long delayMs() {
        return delayMs;
    }

    /** Takes the task out of its timer: it will not run. */
    public final synchronized void cancel() {
        if (entry != null) {
            entry.remove();
        }
        entry = null;
    }

    final synchronized void setEntry(TimerTaskEntry newEntry) {
        // A task moved to a new slot leaves its old one.
        if (entry != null && entry != newEntry) {
            entry.remove();
        }
        entry = newEntry;
    }

    final synchronized TimerTaskEntry entry() {
        return entry;
    }
}
