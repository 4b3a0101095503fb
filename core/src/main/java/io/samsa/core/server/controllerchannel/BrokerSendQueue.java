package io.samsa.core.server.controllerchannel;

import io.samsa.common.Errors;
import io.samsa.core.network.BrokerConnection;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.ApiMessage;
import io.samsa.protocol.message.LeaderAndIsrResponse;
import io.samsa.protocol.message.StopReplicaResponse;
import io.samsa.protocol.message.UpdateMetadataResponse;
import io.samsa.zk.EndPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The controller's queue of requests to one broker, sent in order by one thread over one
 * connection, each retried (reconnecting) until it is answered or the queue is closed, as
 * Kafka's RequestSendThread does. Thread-safe: any thread may enqueue.
 */
final class BrokerSendQueue {

    private static final Logger log = LoggerFactory.getLogger(BrokerSendQueue.class);
    private static final int SOCKET_TIMEOUT_MS = 30_000;
    private static final long RETRY_BACKOFF_MS = 100;

    private record Item(ApiMessage body, short version) {

        ApiKeys api() {
            return ApiKeys.forId(body.apiKey());
        }
    }

    private final int controllerId;
    private final int brokerId;
    private final EndPoint endPoint;
    private final BiConsumer<ApiMessage, ApiMessage> onAnswer;
    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    private BrokerConnection connection;

    /** @param onAnswer told each request and the broker's answer to it, on the sending thread */
    BrokerSendQueue(int controllerId, int brokerId, EndPoint endPoint, BiConsumer<ApiMessage, ApiMessage> onAnswer) {
        this.controllerId = controllerId;
        this.brokerId = brokerId;
        this.endPoint = endPoint;
        this.onAnswer = onAnswer;
        this.thread = new Thread(this::run, "controller-" + controllerId + "-to-broker-" + brokerId + "-send-thread");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Queues {@code body}, a LeaderAndIsr, UpdateMetadata or StopReplica request, to be sent at {@code version}. */
    void enqueue(ApiMessage body, short version) {
        if (!closed) {
            queue.add(new Item(body, version));
        }
    }

    void close() {
        closed = true;
        thread.interrupt();
        closeConnection();
    }

    private void run() {
        while (!closed) {
            Item item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            sendUntilAnswered(item);
        }
    }

    private void sendUntilAnswered(Item item) {
        boolean warned = false;
        while (!closed) {
            try {
                if (connection == null) {
                    connection = new BrokerConnection(endPoint.host(), endPoint.port(), "controller-" + controllerId, SOCKET_TIMEOUT_MS);
                }
                ApiMessage answer = connection.send(item.body(), item.version());
                Errors error = topLevelError(answer);
                if (error != Errors.NONE) {
                    log.warn("Broker {} answered {} with {}", brokerId, item.api(), error);
                }
                onAnswer.accept(item.body(), answer);
                return;
            } catch (IOException | RuntimeException e) {
                closeConnection();
                if (!warned) {
                    log.warn("Controller {} failed to send {} to broker {} at {}:{} ({}); retrying", controllerId, item.api(),
                            brokerId, endPoint.host(), endPoint.port(), e.toString());
                    warned = true;
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(RETRY_BACKOFF_MS);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** The top-level error of a controller request's response (the response classes share no interface for it). */
    private static Errors topLevelError(ApiMessage response) {
        short code;
        if (response instanceof LeaderAndIsrResponse r) {
            code = r.errorCode();
        } else if (response instanceof UpdateMetadataResponse r) {
            code = r.errorCode();
        } else if (response instanceof StopReplicaResponse r) {
            code = r.errorCode();
        } else {
            throw new IllegalArgumentException("Not the response to a controller request: " + response.getClass().getSimpleName());
        }
        return Errors.forCode(code);
    }

    private void closeConnection() {
        BrokerConnection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // Closing a broken socket has nothing left to report.
            }
        }
    }
}
