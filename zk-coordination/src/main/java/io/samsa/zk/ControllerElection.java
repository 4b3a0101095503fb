package io.samsa.zk;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka's controller election over ZooKeeper: every broker tries to create the ephemeral
 * {@code /controller} znode; the one that succeeds also increments {@code /controller_epoch} in the
 * same transaction and becomes controller with that epoch and the epoch znode's new version (its
 * fencing token). Everyone watches {@code /controller} and tries again when it disappears.
 * Thread-safe; all election work and both callbacks run on one private thread, in order.
 *
 * <p><b>Connection policy.</b> SUSPENDED: the controller keeps its role (the session may survive);
 * its writes block in Curator's retries and are fenced anyway if a successor appears. LOST: the
 * session, and with it {@code /controller}, is gone: the controller resigns at once. RECONNECTED:
 * the broker takes part in the election again.
 */
public final class ControllerElection implements AutoCloseable {

    /** Told about this broker's controllership, on the election thread. Keep them short (enqueue work). */
    public interface Listener {
        void onBecomingController(int epoch, int epochZkVersion);

        void onResigning();
    }

    private static final Logger log = LoggerFactory.getLogger(ControllerElection.class);
    private static final long RETRY_BACKOFF_MS = 1000;

    private final SamsaZkClient zk;
    private final int brokerId;
    private final Listener listener;
    private final ScheduledExecutorService executor;
    private final ZkConnectionListener connectionListener = this::onConnectionState;
    private final ZkWatchScope watchScope;
    private final ZkWatch controllerWatch;

    private volatile boolean active;
    private volatile int activeControllerId = -1;
    private volatile int epoch = -1;
    private volatile boolean closed;

    public ControllerElection(SamsaZkClient zk, int brokerId, Listener listener) {
        this.zk = zk;
        this.brokerId = brokerId;
        this.listener = listener;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "controller-election-" + brokerId);
            t.setDaemon(true);
            return t;
        });
        this.watchScope = zk.openWatchScope();
        this.controllerWatch = watchScope.watch(() -> submit(this::onControllerChange));
    }

    public void start() {
        zk.addConnectionListener(connectionListener);
        submit(this::elect);
    }

    public boolean isController() {
        return active;
    }

    /** The controller's broker id as last seen, or -1 when unknown. */
    public int activeControllerId() {
        return activeControllerId;
    }

    /** The epoch this broker was elected with while it is controller, else -1. */
    public int epoch() {
        return active ? epoch : -1;
    }

    /**
     * Called by the controller when a fenced write of the term with {@code fencedEpoch} failed:
     * resigns if that term is still the current one, and takes part in the election again. A report
     * about an older term (this broker has been re-elected since) is ignored.
     */
    public void controllerMoved(int fencedEpoch) {
        submit(() -> {
            if (active && epoch != fencedEpoch) {
                return;
            }
            if (active) {
                resign("a fenced write was rejected");
                zk.controllerStore().deleteIfOwned();
            }
            elect();
        });
    }

    private void submit(Runnable task) {
        if (closed) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("Controller election step failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            // Closing.
        }
    }

    private void elect() {
        if (closed) {
            return;
        }
        try {
            int current = zk.controllerStore().controllerId(controllerWatch);
            activeControllerId = current;
            if (current != -1) {
                if (current == brokerId && !active && zk.isOwnSession(zk.controllerStore().controllerOwnerSession())) {
                    // Our own session holds /controller but we never took the role (a failure mid-way),
                    // or an earlier session of ours that a restarted ZooKeeper restored: give it up
                    // and run a clean election.
                    zk.controllerStore().deleteIfOwned();
                    submit(this::elect);
                }
                return;
            }
            ControllerStore.ControllerEpoch won = zk.controllerStore().registerAndIncrementEpoch(brokerId);
            epoch = won.epoch();
            active = true;
            activeControllerId = brokerId;
            log.info("Broker {} became the controller with epoch {} (epoch znode version {})", brokerId, won.epoch(), won.epochZkVersion());
            listener.onBecomingController(won.epoch(), won.epochZkVersion());
        } catch (ControllerMovedException e) {
            activeControllerId = safeControllerId();
            if (activeControllerId == -1) {
                // The winner already left again; the watch set above also reports it, but be sure.
                submit(this::elect);
            } else {
                log.info("Broker {} is the controller; broker {} follows", activeControllerId, brokerId);
            }
        } catch (ZkException e) {
            log.warn("Controller election failed on broker {} ({}); retrying in {} ms", brokerId, e.getMessage(), RETRY_BACKOFF_MS);
            retryLater();
        }
    }

    private void onControllerChange() {
        if (closed) {
            return;
        }
        try {
            int current = zk.controllerStore().controllerId(controllerWatch);
            activeControllerId = current;
            if (active && (current != brokerId || zk.controllerStore().controllerOwnerSession() != zk.sessionId())) {
                resign("/controller now names broker " + current);
            }
            if (current == -1) {
                elect();
            }
        } catch (ZkException e) {
            log.warn("Could not read {} ({}); retrying in {} ms", ControllerZNode.PATH, e.getMessage(), RETRY_BACKOFF_MS);
            retryLater();
        }
    }

    private void retryLater() {
        if (closed) {
            return;
        }
        try {
            executor.schedule(() -> submit(this::elect), RETRY_BACKOFF_MS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Closing.
        }
    }

    private int safeControllerId() {
        try {
            return zk.controllerStore().controllerId(controllerWatch);
        } catch (ZkException e) {
            return -1;
        }
    }

    private void resign(String reason) {
        if (!active) {
            return;
        }
        active = false;
        log.info("Broker {} resigns as controller (epoch {}): {}", brokerId, epoch, reason);
        epoch = -1;
        listener.onResigning();
    }

    private void onConnectionState(ZkConnectionListener.State state) {
        switch (state) {
            case LOST -> submit(() -> {
                activeControllerId = -1;
                resign("ZooKeeper session expired");
            });
            case RECONNECTED -> submit(this::elect);
            default -> {
                // CONNECTED is handled by start(); SUSPENDED keeps the role (see the class comment).
            }
        }
    }

    /** Resigns if controller, deletes {@code /controller} if ours, and stops taking part. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        zk.removeConnectionListener(connectionListener);
        // Closed before deleting /controller: that deletion fires our own watch, and the election
        // it would start must find this broker already out of the race.
        closed = true;
        Future<?> done = null;
        try {
            done = executor.submit(() -> {
                resign("shutting down");
                try {
                    zk.controllerStore().deleteIfOwned();
                } catch (ZkException e) {
                    log.debug("Could not delete {} on shutdown", ControllerZNode.PATH, e);
                }
            });
        } catch (RejectedExecutionException e) {
            // Already shut down.
        }
        try {
            if (done != null) {
                done.get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            log.warn("Controller election did not stop cleanly", e);
        }
        executor.shutdownNow();
        watchScope.close();
    }
}
