package io.samsa.zk;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this broker registered as the ephemeral znode {@code /brokers/ids/<id>} for as long as it
 * runs. Thread-safe; the work happens on one private thread.
 *
 * <p><b>A taken id is waited for, never fatal.</b> If the znode exists under another session — most
 * often this broker's own previous incarnation, killed before its session expired — the broker logs
 * one line saying so and registers as soon as the znode goes away (at the latest when that session
 * times out). The same holds, with a different line, when another live broker holds the id.
 *
 * <p><b>Connection policy.</b> SUSPENDED (connection lost, session maybe alive): nothing is done; the
 * znode lives as long as the session, and Curator reconnects. LOST (session expired): the znode is
 * gone; the broker counts as unregistered. RECONNECTED / CONNECTED: the registration is checked and,
 * on a new session, written again; {@link #brokerEpoch()} then changes (it is the znode's czxid).
 */
public final class BrokerRegistration implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BrokerRegistration.class);
    private static final long RETRY_BACKOFF_MS = 1000;

    private final SamsaZkClient zk;
    private final BrokerInfo info;
    private final String path;
    private final ScheduledExecutorService executor;
    private final ZkConnectionListener connectionListener = this::onConnectionState;
    private final ZkWatchScope watchScope;
    private final ZkWatch nodeWatch;

    /** Only touched by the registration thread. */
    private boolean waitingLogged;
    /** The czxid of our znode while registered, else -1. Guarded by {@code this}. */
    private long epoch = -1;
    private volatile boolean closed;

    /**
     * @param info this broker's id, endpoints and rack; its timestamp is refreshed at each registration
     */
    public BrokerRegistration(SamsaZkClient zk, BrokerInfo info) {
        this.zk = zk;
        this.info = info;
        this.path = BrokerIdsZNode.path(info.id());
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "broker-registration-" + info.id());
            t.setDaemon(true);
            return t;
        });
        this.watchScope = zk.openWatchScope();
        this.nodeWatch = watchScope.watch(this::scheduleAttempt);
    }

    /** Starts registering in the background; see {@link #awaitRegistered}. */
    public void start() {
        zk.addConnectionListener(connectionListener);
        scheduleAttempt();
    }

    /** Waits until the broker is registered; false on timeout. */
    public synchronized boolean awaitRegistered(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (epoch < 0) {
            long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remainingMs <= 0) {
                return false;
            }
            wait(remainingMs);
        }
        return true;
    }

    /**
     * Waits while {@code /brokers/ids/<id>} is held, under another session, by a registration with
     * this broker's own addresses: this broker's previous process, killed before its session ended.
     * Called before the listeners bind, so that the earlier process's addresses keep refusing
     * connections and the controller's probe (which deletes the registration of a process whose
     * listener refuses) can tell it is gone; a listener bound first would answer the probe on the
     * dead process's behalf and leave the registration to the session timeout. Returns at once when
     * the id is free, ours, or held by a broker at other addresses (that case {@link #start()}
     * waits for, saying so), and at the latest after {@code maxWaitMs}.
     */
    public static void awaitEarlierProcessGone(SamsaZkClient zk, BrokerInfo info, long maxWaitMs) throws InterruptedException {
        Semaphore changed = new Semaphore(0);
        try (ZkWatchScope scope = zk.openWatchScope()) {
            awaitEarlierProcessGone(zk, info, scope.watch(changed::release), changed,
                    System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxWaitMs));
        }
    }

    private static void awaitEarlierProcessGone(SamsaZkClient zk, BrokerInfo info, ZkWatch watch, Semaphore changed,
                                                long deadlineNanos) throws InterruptedException {
        String path = BrokerIdsZNode.path(info.id());
        boolean logged = false;
        while (true) {
            Stat stat = zk.exists(path, watch);
            if (stat == null || zk.isOwnSession(stat.getEphemeralOwner())) {
                return;
            }
            BrokerInfo holder = zk.brokers().get(info.id()).orElse(null);
            long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (holder != null && !holder.sameAddressAs(info) || remainingMs <= 0) {
                return;
            }
            if (!logged) {
                logged = true;
                log.info("Broker {} is still registered at {} by an earlier process (session 0x{}); not listening until "
                        + "that registration goes (the controller removes it once its address refuses connections)",
                        info.id(), path, Long.toHexString(stat.getEphemeralOwner()));
            }
            // A watch event or a periodic re-check (a missed event, a reconnect) ends the wait.
            changed.tryAcquire(Math.min(remainingMs, RETRY_BACKOFF_MS), TimeUnit.MILLISECONDS);
        }
    }

    public synchronized boolean isRegistered() {
        return epoch >= 0;
    }

    /** The broker epoch (czxid of the registration znode), or -1 while not registered. */
    public synchronized long brokerEpoch() {
        return epoch;
    }

    private void scheduleAttempt() {
        if (!closed) {
            executor.execute(this::attempt);
        }
    }

    private void attempt() {
        if (closed) {
            return;
        }
        try {
            Stat stat = zk.exists(path, nodeWatch);
            long session = zk.sessionId();
            if (stat == null) {
                BrokerInfo current = new BrokerInfo(info.id(), info.endpoints(), info.rack(), info.jmxPort(),
                        zk.time().milliseconds(), info.features(), -1L);
                try {
                    zk.curator().create().creatingParentsIfNeeded().withMode(CreateMode.EPHEMERAL)
                            .forPath(path, BrokerIdsZNode.encode(current));
                } catch (KeeperException.NodeExistsException e) {
                    scheduleAttempt();
                    return;
                } catch (Exception e) {
                    throw SamsaZkClient.wrap("create " + path, e);
                }
                stat = zk.exists(path, nodeWatch);
                if (stat != null && stat.getEphemeralOwner() == session) {
                    markRegistered(stat.getCzxid());
                    log.info("Registered broker {} at path {} with addresses: {}", info.id(), path, endpointsText());
                } else {
                    scheduleAttempt();
                }
                return;
            }
            if (stat.getEphemeralOwner() == session) {
                markRegistered(stat.getCzxid());
                return;
            }
            markUnregistered();
            if (zk.isOwnSession(stat.getEphemeralOwner())) {
                replaceOwnEarlierRegistration(stat);
                return;
            }
            if (!waitingLogged) {
                waitingLogged = true;
                logWaiting(stat);
            }
            // The watch set by exists() fires when the znode goes; then we try again.
        } catch (ZkException e) {
            if (!closed) {
                log.warn("Could not register broker {} ({}); retrying in {} ms", info.id(), e.getMessage(), RETRY_BACKOFF_MS);
                executor.schedule(this::attempt, RETRY_BACKOFF_MS, TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            log.error("Unexpected error registering broker {}; retrying in {} ms", info.id(), RETRY_BACKOFF_MS, e);
            if (!closed) {
                executor.schedule(this::attempt, RETRY_BACKOFF_MS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * The znode was written under a session this client has since given up (a ZooKeeper outage
     * longer than the session timeout, the server restarted and restored that session): it is this
     * broker's own, so it is deleted rather than waited for, and registration runs again.
     */
    private void replaceOwnEarlierRegistration(Stat stat) {
        log.info("Broker {} is still registered at {} by its own earlier ZooKeeper session 0x{}; replacing that registration",
                info.id(), path, Long.toHexString(stat.getEphemeralOwner()));
        try {
            zk.curator().delete().withVersion(stat.getVersion()).forPath(path);
        } catch (KeeperException.NoNodeException | KeeperException.BadVersionException e) {
            // Gone or changed meanwhile: the next attempt sees what stands now.
        } catch (Exception e) {
            throw SamsaZkClient.wrap("delete " + path, e);
        }
        scheduleAttempt();
    }

    private void logWaiting(Stat stat) {
        BrokerInfo holder = null;
        try {
            holder = zk.brokers().get(info.id()).orElse(null);
        } catch (ZkException e) {
            // Only used to word the log line.
        }
        String owner = "0x" + Long.toHexString(stat.getEphemeralOwner());
        if (holder == null || holder.sameAddressAs(info)) {
            log.warn("Broker id {} is still registered at {} by an earlier ZooKeeper session {} (a previous run of this broker?); "
                    + "waiting for that session to expire before registering", info.id(), path, owner);
        } else {
            log.warn("Broker id {} is registered at {} by another live broker with addresses {} (session {}); "
                    + "waiting for it to go away before registering", info.id(), path, holder.endpoints(), owner);
        }
    }

    private String endpointsText() {
        StringBuilder sb = new StringBuilder();
        for (EndPoint e : info.endpoints()) {
            sb.append(sb.length() == 0 ? "" : ",").append(e.connectionString());
        }
        return sb.toString();
    }

    private synchronized void markRegistered(long czxid) {
        epoch = czxid;
        waitingLogged = false;
        notifyAll();
    }

    private synchronized void markUnregistered() {
        epoch = -1;
    }

    private void onConnectionState(ZkConnectionListener.State state) {
        switch (state) {
            case LOST -> {
                markUnregistered();
                log.warn("ZooKeeper session expired: broker {} is no longer registered; it registers again once reconnected", info.id());
            }
            case CONNECTED, RECONNECTED -> scheduleAttempt();
            default -> {
                // SUSPENDED / READ_ONLY: the session, and with it the znode, may still be alive.
            }
        }
    }

    /** Stops re-registering and removes the znode if this session owns it. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        zk.removeConnectionListener(connectionListener);
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watchScope.close();
        try {
            Stat stat = zk.exists(path, null);
            if (stat != null && stat.getEphemeralOwner() == zk.sessionId()) {
                zk.curator().delete().withVersion(stat.getVersion()).forPath(path);
                log.info("Deregistered broker {}", info.id());
            }
        } catch (Exception e) {
            log.debug("Could not remove {} (the session's end removes it anyway)", path, e);
        }
        markUnregistered();
    }
}
