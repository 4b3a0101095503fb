package io.samsa.core.server.liveness;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Tells a broker whose process is gone from one that is only slow, long before its ZooKeeper
 * session expires: every {@code intervalMs} it opens (and closes) a TCP connection to each target's
 * inter-broker listener. A process killed with SIGKILL leaves no listening socket, so its host
 * refuses the connection at once; a process that is paused (SIGSTOP, a long GC) or busy still has
 * the kernel complete the handshake, and an unreachable host times out — neither is taken for
 * death, so they keep their roles until their session expires, as in Kafka. A target refused
 * {@code refusalsToFail} times in a row is reported once, until it is accepted again or replaced.
 * Thread-safe; probes run on one daemon thread.
 */
public final class RefusedConnectionProbe implements AutoCloseable {

    /** A process to watch: an id and the registration it belongs to, at a listener address. */
    public record Target(int id, long epoch, String host, int port) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(RefusedConnectionProbe.class);

    private final long intervalMs;
    private final int refusalsToFail;
    private final Supplier<Collection<Target>> targets;
    private final Consumer<Target> onGone;
    private final Map<Target, Integer> refusals = new HashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    public RefusedConnectionProbe(String name, long intervalMs, int refusalsToFail, Supplier<Collection<Target>> targets,
                                  Consumer<Target> onGone) {
        this.intervalMs = intervalMs;
        this.refusalsToFail = refusalsToFail;
        this.targets = targets;
        this.onGone = onGone;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        while (!closed) {
            try {
                Thread.sleep(intervalMs);
            } catch (InterruptedException e) {
                return;
            }
            probeAll();
        }
    }

    /** One round: visible for tests. */
    void probeAll() {
        Collection<Target> current = targets.get();
        refusals.keySet().retainAll(current);
        for (Target t : current) {
            if (closed) {
                return;
            }
            if (!isRefused(t)) {
                refusals.remove(t);
                continue;
            }
            int count = refusals.merge(t, 1, Integer::sum);
            if (count == refusalsToFail) {
                LOG.warn("Broker {} at {}:{} refused {} connections in a row: its process is gone", t.id(), t.host(), t.port(), count);
                try {
                    onGone.accept(t);
                } catch (RuntimeException e) {
                    LOG.error("Could not act on the loss of broker {}", t.id(), e);
                }
            }
        }
    }

    private boolean isRefused(Target t) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(t.host(), t.port()), (int) Math.max(1, intervalMs));
            return false;
        } catch (ConnectException e) {
            // "Connection refused": nothing listens there. Other connect failures (no route) say nothing of the process.
            return e.getMessage() != null && e.getMessage().contains("refused");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
