package io.samsa.core.server.brokertocontroller;

import io.samsa.core.network.BrokerConnection;
import io.samsa.core.server.metadata.BrokerNode;
import io.samsa.core.server.metadata.MetadataCache;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.ApiMessage;
import io.samsa.zk.EndPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A broker's requests to the active controller (AlterPartition, ControlledShutdown), sent in order
 * by one thread over one connection to the controller's inter-broker listener. The controller is
 * the one the latest UpdateMetadata named; a request is retried, reconnecting, until some
 * controller answers it or the channel closes. What the answer says (NOT_CONTROLLER included) is
 * the caller's to handle. Thread-safe: any thread may send.
 */
public final class BrokerToControllerChannel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerToControllerChannel.class);

    private record Pending(ApiMessage request, short version, CompletableFuture<ApiMessage> result) {
    }

    private final int brokerId;
    private final MetadataCache metadata;
    private final String listenerName;
    private final int socketTimeoutMs;
    private final long retryBackoffMs;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile BrokerConnection connection;
    private int connectedTo = -1;

    public BrokerToControllerChannel(int brokerId, MetadataCache metadata, String listenerName, int socketTimeoutMs,
                                     long retryBackoffMs) {
        this.brokerId = brokerId;
        this.metadata = metadata;
        this.listenerName = listenerName;
        this.socketTimeoutMs = socketTimeoutMs;
        this.retryBackoffMs = retryBackoffMs;
        this.thread = new Thread(this::run, "broker-" + brokerId + "-to-controller-send-thread");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Queues {@code request}; completes with the controller's answer, or exceptionally once the channel closes. */
    @SuppressWarnings("unchecked")
    public <R extends ApiMessage> CompletableFuture<R> send(ApiMessage request, short version) {
        CompletableFuture<ApiMessage> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new IOException("The channel to the controller is closed"));
        } else {
            queue.add(new Pending(request, version, result));
        }
        return (CompletableFuture<R>) result;
    }

    private void run() {
        try {
            while (!closed) {
                deliver(queue.take());
            }
        } catch (InterruptedException e) {
            // Closing.
        } finally {
            closeConnection();
            IOException closedError = new IOException("The channel to the controller is closed");
            Pending p;
            while ((p = queue.poll()) != null) {
                p.result().completeExceptionally(closedError);
            }
        }
    }

    private void deliver(Pending p) throws InterruptedException {
        boolean warned = false;
        while (!closed) {
            MetadataCache.Snapshot snap = metadata.snapshot();
            Optional<EndPoint> controller = snap.broker(snap.controllerId()).flatMap((BrokerNode b) -> b.endPoint(listenerName));
            if (controller.isPresent()) {
                try {
                    if (connection == null || connectedTo != snap.controllerId()) {
                        closeConnection();
                        connection = new BrokerConnection(controller.get().host(), controller.get().port(), "broker-" + brokerId,
                                socketTimeoutMs);
                        connectedTo = snap.controllerId();
                    }
                    p.result().complete(connection.send(p.request(), p.version()));
                    return;
                } catch (IOException | RuntimeException e) {
                    closeConnection();
                    if (!warned) {
                        LOG.warn("Could not send {} to the controller {} ({}); retrying", ApiKeys.forId(p.request().apiKey()),
                                snap.controllerId(), e.toString());
                        warned = true;
                    }
                }
            }
            TimeUnit.MILLISECONDS.sleep(retryBackoffMs);
        }
        p.result().completeExceptionally(new IOException("The channel to the controller is closed"));
    }

    private void closeConnection() {
        BrokerConnection c = connection;
        connection = null;
        connectedTo = -1;
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // A broken socket has nothing more to report.
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        closeConnection();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
