package io.samsa.clients.internals;

import io.samsa.common.Node;
import io.samsa.common.Time;
import io.samsa.common.errors.DisconnectException;
import io.samsa.common.errors.SamsaException;
import io.samsa.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one thread of a producer, consumer or admin client that does all its network work: it owns
 * the {@link NetworkClient}, keeps the {@link ClientMetadata} fresh, runs the client's
 * {@link Participant}s (the producer's sender, the consumer's heartbeat) every turn, and sends the
 * requests other threads hand it through {@link #send}. Futures complete on this thread, so their
 * dependent stages must not block. Thread-safe entry points: {@link #send}, {@link #submit},
 * {@link #wakeup}, {@link #close}.
 */
public final class ClientIoThread implements RequestSender, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClientIoThread.class);
    private static final long MAX_POLL_MS = 1000;

    /** Work run once per turn of the loop, on the I/O thread. */
    public interface Participant {
        /** Does what is due; returns how many milliseconds may pass before it needs another turn. */
        long poll(long nowMs);
    }

    /** A request waiting until its target broker is known and reachable. */
    private record Pending(NodeTarget target, ClientRequest request, long deadlineMs, int requestTimeoutMs,
                           CompletableFuture<ClientResponse> future) {
    }

    private final Time time;
    private final NetworkClient network;
    private final ClientMetadata metadata;
    private final MetadataUpdater metadataUpdater;
    private final List<Participant> participants = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Pending> incoming = new ConcurrentLinkedQueue<>();
    /** Requests not yet sent; owned by the I/O thread. */
    private final List<Pending> pending = new ArrayList<>();
    private final int requestTimeoutMs;
    private final Thread thread;
    private volatile boolean running = true;

    public ClientIoThread(String name, NetworkClient network, ClientMetadata metadata, boolean allowAutoTopicCreation,
                          int requestTimeoutMs, Time time) {
        this.time = time;
        this.network = network;
        this.metadata = metadata;
        this.requestTimeoutMs = requestTimeoutMs;
        this.metadataUpdater = new MetadataUpdater(network, metadata, allowAutoTopicCreation, requestTimeoutMs);
        // A broker that went away may have led partitions: look again (Kafka's clients do the same).
        network.onDisconnect(nodeId -> metadata.requestUpdate());
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    public void addParticipant(Participant p) {
        participants.add(p);
        wakeup();
    }

    public void start() {
        thread.start();
    }

    public NetworkClient network() {
        return network;
    }

    public ClientMetadata metadata() {
        return metadata;
    }

    public boolean isIoThread() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} on the I/O thread at its next turn. */
    public void submit(Runnable task) {
        tasks.add(task);
        wakeup();
    }

    public void wakeup() {
        network.wakeup();
    }

    /** Sends {@code request} to {@code target} once it is reachable, with the default request timeout. */
    public CompletableFuture<ClientResponse> send(NodeTarget target, ClientRequest request, long deadlineMs) {
        return send(target, request, deadlineMs, requestTimeoutMs);
    }

    /**
     * Sends {@code request} to {@code target} once it is known and reachable; fails with
     * {@link TimeoutException} when that has not happened by {@code deadlineMs}, and with whatever
     * the network client reports after.
     */
    @Override
    public CompletableFuture<ClientResponse> send(NodeTarget target, ClientRequest request, long deadlineMs,
                                                  int timeoutMs) {
        CompletableFuture<ClientResponse> future = new CompletableFuture<>();
        if (!running) {
            future.completeExceptionally(new DisconnectException("The client is closed"));
            return future;
        }
        incoming.add(new Pending(target, request, deadlineMs, timeoutMs, future));
        wakeup();
        return future;
    }

    private void run() {
        try {
            while (running) {
                long now = time.milliseconds();
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    task.run();
                }
                long wait = MAX_POLL_MS;
                wait = Math.min(wait, metadataUpdater.poll(now));
                for (Participant p : participants) {
                    wait = Math.min(wait, p.poll(now));
                }
                wait = Math.min(wait, sendPending(now));
                wait = Math.min(wait, network.nextTimeoutMs(now));
                if (!tasks.isEmpty() || !incoming.isEmpty()) {
                    wait = 0;
                }
                network.poll(Math.max(0, wait));
            }
        } catch (Throwable t) {
            log.error("The client's I/O thread {} failed", thread.getName(), t);
            failAll(new SamsaException("The client's I/O thread failed", t));
            throw t;
        } finally {
            failAll(new DisconnectException("The client is closed"));
            network.close();
        }
    }

    private long sendPending(long nowMs) {
        Pending p;
        while ((p = incoming.poll()) != null) {
            pending.add(p);
        }
        long wait = Long.MAX_VALUE;
        boolean needMetadata = false;
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending req = it.next();
            if (req.future().isDone()) {
                it.remove();
                continue;
            }
            if (nowMs >= req.deadlineMs()) {
                it.remove();
                req.future().completeExceptionally(new TimeoutException("Timed out waiting to send " + req.request().api().apiName()));
                continue;
            }
            Node node = req.target().select(metadata.cluster(), network, nowMs);
            if (node == null) {
                needMetadata = true;
                wait = Math.min(wait, req.deadlineMs() - nowMs);
                continue;
            }
            if (network.ready(node, nowMs)) {
                it.remove();
                int timeout = (int) Math.min(req.requestTimeoutMs(), Math.max(1, req.deadlineMs() - nowMs));
                CompletableFuture<ClientResponse> target = req.future();
                network.send(node, req.request(), nowMs, timeout).whenComplete((r, e) -> {
                    if (e != null) {
                        target.completeExceptionally(e);
                    } else {
                        target.complete(r);
                    }
                });
            } else if (req.target().failsWhenUnreachable() && network.isBlackedOut(node, nowMs)) {
                // The last connection attempt failed: let the caller find another broker now.
                it.remove();
                req.future().completeExceptionally(new DisconnectException("Cannot connect to " + node));
            } else {
                long delay = network.connectionDelayMs(node, nowMs);
                wait = Math.min(wait, Math.min(req.deadlineMs() - nowMs, delay > 0 ? delay : MAX_POLL_MS));
            }
        }
        if (needMetadata) {
            metadata.requestUpdate();
        }
        return Math.max(0, wait);
    }

    private void failAll(RuntimeException cause) {
        Pending p;
        while ((p = incoming.poll()) != null) {
            pending.add(p);
        }
        for (Pending req : pending) {
            req.future().completeExceptionally(cause);
        }
        pending.clear();
    }

    /** Stops the loop after its current turn and waits for the thread to end. */
    @Override
    public void close() {
        running = false;
        wakeup();
        if (Thread.currentThread() != thread) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
