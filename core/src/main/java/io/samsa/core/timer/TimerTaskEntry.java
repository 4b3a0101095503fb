package io.samsa.core.timer;

/**
 * A task's place in a timer bucket: a node of the bucket's doubly linked list, with the absolute
 * time the task is due. Linked and unlinked only by {@link TimerTaskList}, under its lock.
 */
final class TimerTaskEntry {

    final TimerTask task;
    final long expirationMs;
    volatile TimerTaskList list;
    TimerTaskEntry next;
    TimerTaskEntry prev;

    TimerTaskEntry(TimerTask task, long expirationMs) {
        this.task = task;
        this.expirationMs = expirationMs;
        if (task != null) {
            task.setEntry(this);
        }
    }

    /** Whether the task was cancelled, or moved to another entry, since this one was made. */
    boolean cancelled() {
        return task.entry() != this;
    }

    /** Leaves whatever bucket holds the entry; retried because a flush may move it meanwhile. */
    void remove() {
        TimerTaskList current = list;
        while (current != null) {
            current.remove(this);
            current = list;
        }
    }
}
