package io.samsa.zk;

import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;

/**
 * One re-armable ZooKeeper watch created by {@link ZkWatchScope#watch}; pass it to the reads of
 * {@link SamsaZkClient}'s stores. Connection events are not delivered, only node changes.
 * Thread-safe.
 */
public final class ZkWatch {

    private final ZkWatchScope scope;
    private final Watcher watcher;

    ZkWatch(ZkWatchScope scope, Runnable onChange) {
        this.scope = scope;
        this.watcher = (WatchedEvent event) -> {
            if (event.getType() != Watcher.Event.EventType.None && !scope.isClosed()) {
                onChange.run();
            }
        };
    }

    ZkWatchScope scope() {
        return scope;
    }

    Watcher watcher() {
        return watcher;
    }
}
