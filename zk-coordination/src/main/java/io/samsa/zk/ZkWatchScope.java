package io.samsa.zk;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.curator.framework.WatcherRemoveCuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A group of ZooKeeper watches that end together, e.g. everything one controller term watches.
 * Closing the scope silences its watches (a late notification is dropped) and removes them from
 * the ZooKeeper client. Thread-safe.
 */
public final class ZkWatchScope implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ZkWatchScope.class);

    private final WatcherRemoveCuratorFramework framework;
    private final AtomicBoolean closed = new AtomicBoolean();

    ZkWatchScope(WatcherRemoveCuratorFramework framework) {
        this.framework = framework;
    }

    /**
     * A watch that runs {@code onChange} (on ZooKeeper's event thread: keep it short, e.g. enqueue an
     * event) each time a read made with it is followed by a change. Like every ZooKeeper watch it
     * fires once per read: the reader re-arms it by reading again. Reuse one instance per path.
     */
    public ZkWatch watch(Runnable onChange) {
        return new ZkWatch(this, onChange);
    }

    boolean isClosed() {
        return closed.get();
    }

    WatcherRemoveCuratorFramework framework() {
        return framework;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                framework.removeWatchers();
            } catch (RuntimeException e) {
                // The watches are silenced anyway; removal only saves the client some memory.
                log.debug("Could not remove ZooKeeper watches", e);
            }
        }
    }
}
