package io.samsa.core.log;

import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The background compaction of logs with {@code cleanup.policy=compact} (or
 * {@code compact,delete}): {@code log.cleaner.threads} threads named
 * {@code kafka-log-cleaner-thread-<n>} each take the filthiest eligible log from the
 * {@link LogCleanerManager}, clean it with their own {@link Cleaner}, record the new clean point
 * in {@code cleaner-offset-checkpoint}, and sleep {@code log.cleaner.backoff.ms} when no log
 * needs them. Retention of {@code compact,delete} logs is the log manager's retention pass, as
 * for delete-only logs.
 *
 * <p>Thread-safe. The log manager pauses a partition's cleaning with
 * {@link #abortAndPauseCleaning} before deleting its log.
 */
public final class LogCleaner {

    private static final Logger LOG = LoggerFactory.getLogger(LogCleaner.class);

    private final CleanerConfig config;
    private final Supplier<Collection<Log>> logs;
    private final Time time;
    private final LogCleanerManager manager;
    private final SwapObserver observer;
    private final List<CleanerThread> threads = new ArrayList<>();
    private final ReentrantLock sleepLock = new ReentrantLock();
    private final Condition wakeUp = sleepLock.newCondition();
    private volatile boolean running;

    /**
     * @param logs every log of the broker, read afresh on each pass
     */
    public LogCleaner(CleanerConfig config, List<File> logDirs, Supplier<Collection<Log>> logs, Time time) {
        this(config, logDirs, logs, time, SwapObserver.NONE);
    }

    LogCleaner(CleanerConfig config, List<File> logDirs, Supplier<Collection<Log>> logs, Time time,
               SwapObserver observer) {
        this.config = config;
        this.logs = logs;
        this.time = time;
        this.observer = observer;
        this.manager = new LogCleanerManager(logDirs);
    }

    /** Starts the cleaner threads. */
    public synchronized void startup() {
        if (running) {
            return;
        }
        running = true;
        LOG.info("Starting the log cleaner ({} thread(s))", config.numThreads());
        for (int i = 0; i < config.numThreads(); i++) {
            CleanerThread t = new CleanerThread(i, newCleaner());
            threads.add(t);
            t.start();
        }
    }

    /** Stops the threads, aborting a cleaning in progress (nothing is lost) and waiting for it to stop. */
    public synchronized void shutdown() {
        if (!running) {
            return;
        }
        running = false;
        // Never interrupt a cleaner: an interrupt during file I/O would close segment channels
        // that readers share. Aborting makes a cleaning in progress stop at its next check.
        manager.abortAll();
        wakeUpThreads();
        for (CleanerThread t : threads) {
            try {
                t.join(TimeUnit.MINUTES.toMillis(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
        LOG.info("Log cleaner shut down");
    }

    /** Makes sleeping threads look for work now (e.g. after a config change). */
    public void wakeUpThreads() {
        sleepLock.lock();
        try {
            wakeUp.signalAll();
        } finally {
            sleepLock.unlock();
        }
    }

    /** Stops cleaning the partition (waiting for a cleaning in progress to stop) until {@link #resumeCleaning}. */
    public void abortAndPauseCleaning(TopicPartition tp) {
        manager.abortAndPauseCleaning(tp);
    }

    public void resumeCleaning(TopicPartition tp) {
        manager.resumeCleaning(tp);
    }

    /** Forgets a deleted log's cleaning state and checkpoint entry. */
    public void removeLog(TopicPartition tp, File parentDir) {
        manager.removeLog(tp, parentDir);
    }

    /** The offset the log is clean up to, or null if it was never cleaned. */
    public Long cleanedUpTo(Log log) {
        return manager.checkpointOf(log);
    }

    LogCleanerManager manager() {
        return manager;
    }

    Cleaner newCleaner() {
        SkimpyOffsetMap map = new SkimpyOffsetMap(config.dedupeBufferPerThread(), config.dedupeLoadFactor());
        return new Cleaner(map, config.ioBufferSize(), time, manager, observer);
    }

    /**
     * One pass: cleans the filthiest eligible log, if any, with {@code cleaner}.
     *
     * @return whether a log was cleaned
     */
    boolean cleanFilthiestLog(Cleaner cleaner) {
        LogToClean toClean = manager.grabFilthiestCompactedLog(logs.get(), time.milliseconds());
        if (toClean == null) {
            return false;
        }
        TopicPartition tp = toClean.log().topicPartition();
        long startNs = time.nanoseconds();
        try {
            Cleaner.Result result = cleaner.clean(toClean);
            manager.doneCleaning(toClean.log(), result.endOffset(), result.nextDeleteHorizon());
            Cleaner.Stats s = result.stats();
            LOG.info("Cleaned {} up to offset {} in {} ms: {} segment(s), {} of {} records kept, {} bytes down to {}"
                    + " (dirty ratio was {})", tp, result.endOffset(), (time.nanoseconds() - startNs) / 1_000_000,
                    s.segments, s.recordsRetained, s.recordsRead, s.bytesRead, s.bytesWritten,
                    String.format("%.2f", toClean.cleanableRatio()));
            return true;
        } catch (LogCleaningAbortedException e) {
            LOG.info("Cleaning of {} stopped: {}", tp, e.getMessage());
            manager.cleaningFailed(tp, false);
            return true;
        } catch (Exception e) {
            LOG.error("Unexpected error cleaning {}; it will not be cleaned again until the broker restarts", tp, e);
            manager.cleaningFailed(tp, true);
            return true;
        }
    }

    /** One cleaner thread: cleans until nothing is eligible, then backs off. */
    private final class CleanerThread extends Thread {

        private final Cleaner cleaner;

        CleanerThread(int id, Cleaner cleaner) {
            super("kafka-log-cleaner-thread-" + id);
            setDaemon(true);
            this.cleaner = cleaner;
        }

        @Override
        public void run() {
            while (running) {
                boolean cleaned;
                try {
                    cleaned = cleanFilthiestLog(cleaner);
                } catch (RuntimeException e) {
                    LOG.error("Log cleaner pass failed", e);
                    cleaned = false;
                }
                if (!cleaned) {
                    backOff();
                }
            }
        }

        private void backOff() {
            sleepLock.lock();
            try {
                if (running) {
                    wakeUp.await(config.backoffMs(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                // Shutdown interrupts; the loop checks running.
            } finally {
                sleepLock.unlock();
            }
        }
    }
}
