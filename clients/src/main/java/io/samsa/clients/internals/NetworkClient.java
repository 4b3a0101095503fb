package io.samsa.clients.internals;

import io.samsa.common.Errors;
import io.samsa.common.Node;
import io.samsa.common.Time;
import io.samsa.common.errors.DisconnectException;
import io.samsa.common.errors.NetworkException;
import io.samsa.common.errors.SamsaException;
import io.samsa.common.errors.TimeoutException;
import io.samsa.common.errors.UnsupportedVersionException;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.ApiMessage;
import io.samsa.protocol.ByteBufferSink;
import io.samsa.protocol.GatheringSink;
import io.samsa.protocol.ProtocolException;
import io.samsa.protocol.RequestHeader;
import io.samsa.protocol.ResponseHeader;
import io.samsa.protocol.message.ApiVersionsRequest;
import io.samsa.protocol.message.ApiVersionsResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;

/**
 * The client side of Kafka's protocol over non-blocking sockets: connects to brokers on demand,
 * negotiates versions with ApiVersions before anything else is sent, caps the requests in flight
 * per connection, fails requests that outlive their timeout (closing their connection, as the
 * answer can no longer be matched safely), and backs off exponentially between reconnects.
 * Answers complete the futures {@link #send} returned, on the I/O thread.
 *
 * <p>Owned by one I/O thread: every method except {@link #wakeup()} must be called from it.
 */
public final class NetworkClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NetworkClient.class);
    private static final String SOFTWARE_NAME = "samsa-java";

    /** Reconnect bookkeeping of one node; survives its connections. */
    private static final class NodeState {
        int failures;
        long lastAttemptMs = -1;
        long backoffMs;
    }

    private final Time time;
    private final Selector selector;
    private final String clientId;
    private final NetworkClientSettings settings;
    private final ExponentialBackoff reconnectBackoff;
    private final Map<Integer, NodeConnection> connections = new HashMap<>();
    private final Map<Integer, NodeState> nodeStates = new HashMap<>();
    private int nextCorrelationId;
    /** Told of every lost or failed connection; metadata may be stale when a broker goes away. */
    private IntConsumer disconnectListener = id -> { };
    /** Per-node metrics, or null when the client keeps none (the admin client). */
    private NodeMetrics nodeMetrics;

    public NetworkClient(String clientId, NetworkClientSettings settings, Time time) {
        this.time = time;
        this.clientId = clientId;
        this.settings = settings;
        this.reconnectBackoff = new ExponentialBackoff(settings.reconnectBackoffMs(), settings.reconnectBackoffMaxMs());
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new SamsaException("Cannot open a selector", e);
        }
    }

    /** Called with the node id whenever a connection fails or is lost (to ask for fresh metadata). */
    public void onDisconnect(IntConsumer listener) {
        this.disconnectListener = listener;
    }

    /**
     * Whether a request can be sent to {@code node} now; starts connecting when there is no
     * connection and the node's back-off has passed.
     */
    /** Keeps Kafka's per-node metrics in {@code metrics}; call before the first request. */
    public void recordNodeMetrics(NodeMetrics metrics) {
        this.nodeMetrics = metrics;
    }

    public boolean ready(Node node, long nowMs) {
        if (isReady(node)) {
            return true;
        }
        NodeConnection c = connections.get(node.id());
        if (c == null && connectionDelayMs(node, nowMs) == 0) {
            connect(node, nowMs);
        }
        return isReady(node);
    }

    /** Connected, versions negotiated, and below the in-flight cap. */
    public boolean isReady(Node node) {
        NodeConnection c = connections.get(node.id());
        return c != null && c.state == NodeConnection.State.READY && c.inFlight.size() < settings.maxInFlightPerConnection();
    }

    /** Connected and versions negotiated, whatever is in flight. */
    public boolean isConnected(int nodeId) {
        NodeConnection c = connections.get(nodeId);
        return c != null && c.state == NodeConnection.State.READY;
    }

    /** Whether the last attempt to reach {@code node} failed and its back-off still runs. */
    public boolean isBlackedOut(Node node, long nowMs) {
        return !connections.containsKey(node.id()) && connectionDelayMs(node, nowMs) > 0;
    }

    /** How long until a connection to {@code node} may be attempted (0 when it may now or one exists). */
    public long connectionDelayMs(Node node, long nowMs) {
        if (connections.containsKey(node.id())) {
            return 0;
        }
        NodeState s = nodeStates.get(node.id());
        if (s == null || s.lastAttemptMs < 0 || s.failures == 0) {
            return 0;
        }
        return Math.max(0, s.lastAttemptMs + s.backoffMs - nowMs);
    }

    /** Consecutive failed connection attempts to {@code nodeId}. */
    public int connectionFailures(int nodeId) {
        NodeState s = nodeStates.get(nodeId);
        return s == null ? 0 : s.failures;
    }

    /** The versions {@code nodeId} advertised, or null before they are known. */
    public NodeApiVersions apiVersions(int nodeId) {
        NodeConnection c = connections.get(nodeId);
        return c == null ? null : c.versions;
    }

    public int inFlightCount(int nodeId) {
        NodeConnection c = connections.get(nodeId);
        return c == null ? 0 : c.inFlight.size();
    }

    public int inFlightCount() {
        int n = 0;
        for (NodeConnection c : connections.values()) {
            n += c.inFlight.size();
        }
        return n;
    }

    /**
     * Sends {@code request} to a node {@link #ready} said yes to, at the highest version both sides
     * speak; the future completes with the answer, or fails with {@link DisconnectException},
     * {@link TimeoutException} (after {@code timeoutMs}) or {@link UnsupportedVersionException}.
     */
    public CompletableFuture<ClientResponse> send(Node node, ClientRequest request, long nowMs, int timeoutMs) {
        CompletableFuture<ClientResponse> future = new CompletableFuture<>();
        NodeConnection c = connections.get(node.id());
        if (c == null || c.state != NodeConnection.State.READY) {
            future.completeExceptionally(new DisconnectException("Not connected to " + node));
            return future;
        }
        short version;
        ApiMessage body;
        try {
            version = c.versions.choose(request.api(), request.minVersion(), request.maxVersion());
            body = request.builder().apply(version);
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
            return future;
        }
        write(c, request.api(), version, body, request.expectResponse(), nowMs, timeoutMs, future);
        return future;
    }

    private void write(NodeConnection c, ApiKeys api, short version, ApiMessage body, boolean expectResponse, long nowMs,
                       int timeoutMs, CompletableFuture<ClientResponse> future) {
        int correlationId = nextCorrelationId++;
        RequestHeader header = new RequestHeader(api.id(), version, correlationId, clientId);
        int size = header.size() + body.size(version);
        ByteBuffer[] frame;
        if (expectResponse && api == ApiKeys.PRODUCE) {
            // The batches go out from their own buffers. Safe because a batch (and its buffer) is
            // done only once this request is answered or its connection closed.
            GatheringSink sink = new GatheringSink(256);
            sink.writeInt(size);
            header.writeTo(sink);
            body.write(sink, version);
            frame = sink.buffers();
        } else {
            ByteBuffer buffer = ByteBuffer.allocate(4 + size);
            buffer.putInt(size);
            ByteBufferSink sink = new ByteBufferSink(buffer);
            header.writeTo(sink);
            body.write(sink, version);
            frame = new ByteBuffer[] {buffer.flip()};
        }
        InFlightRequest inFlight = new InFlightRequest(correlationId, api, version, nowMs, nowMs + timeoutMs, expectResponse, future);
        try {
            c.send(frame);
        } catch (IOException e) {
            c.inFlight.add(inFlight);
            disconnect(c, nowMs, new DisconnectException("Lost the connection to " + c.node + ": " + e.getMessage(), e));
            return;
        }
        if (nodeMetrics != null) {
            nodeMetrics.requestSent(c.node.id(), 4 + size, nowMs);
        }
        if (expectResponse) {
            c.inFlight.add(inFlight);
        } else {
            future.complete(new ClientResponse(c.node, api, version, null, nowMs, nowMs));
        }
    }

    /**
     * Waits up to {@code timeoutMs} for socket events (or a {@link #wakeup()}), then handles
     * connects, writes, answers and expired requests.
     */
    public void poll(long timeoutMs) {
        try {
            if (timeoutMs <= 0) {
                selector.selectNow();
            } else {
                selector.select(timeoutMs);
            }
        } catch (IOException e) {
            throw new SamsaException("Selector failed", e);
        }
        long nowMs = time.milliseconds();
        for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
            SelectionKey key = it.next();
            it.remove();
            NodeConnection c = (NodeConnection) key.attachment();
            if (c.state == NodeConnection.State.CLOSED) {
                continue;
            }
            try {
                if (key.isConnectable() && c.finishConnect()) {
                    onConnected(c, nowMs);
                }
                if (key.isValid() && key.isWritable()) {
                    c.flush();
                }
                if (key.isValid() && key.isReadable()) {
                    ByteBuffer frame;
                    while (c.state != NodeConnection.State.CLOSED && (frame = c.receive()) != null) {
                        onFrame(c, frame, nowMs);
                    }
                }
            } catch (IOException | ProtocolException e) {
                disconnect(c, nowMs, new DisconnectException("Lost the connection to " + c.node + ": " + e.getMessage(), e));
            }
        }
        expireRequests(nowMs);
    }

    /** Earliest deadline of anything in flight, to bound the next poll. */
    public long nextTimeoutMs(long nowMs) {
        long next = Long.MAX_VALUE;
        for (NodeConnection c : connections.values()) {
            InFlightRequest head = c.inFlight.peek();
            if (head != null) {
                next = Math.min(next, Math.max(0, head.deadlineMs() - nowMs));
            }
            if (c.state == NodeConnection.State.CONNECTING) {
                next = Math.min(next, Math.max(0, connectDeadline(c) - nowMs));
            }
        }
        return next;
    }

    /** Interrupts a blocking {@link #poll}; thread-safe. */
    public void wakeup() {
        selector.wakeup();
    }

    /** Closes the connection to {@code nodeId}, failing what was in flight on it. */
    public void disconnect(int nodeId) {
        NodeConnection c = connections.get(nodeId);
        if (c != null) {
            disconnect(c, time.milliseconds(), new DisconnectException("Disconnected from " + c.node));
        }
    }

    /** The node among {@code nodes} with the fewest requests in flight, preferring connected ones; null when all back off. */
    public Node leastLoadedNode(Collection<Node> nodes, long nowMs) {
        Node best = null;
        int bestLoad = Integer.MAX_VALUE;
        Node connectable = null;
        for (Node n : nodes) {
            NodeConnection c = connections.get(n.id());
            if (c != null && c.state == NodeConnection.State.READY) {
                int load = c.inFlight.size();
                if (load < bestLoad && load < settings.maxInFlightPerConnection()) {
                    best = n;
                    bestLoad = load;
                }
            } else if (c != null) {
                if (connectable == null) {
                    connectable = n;
                }
            } else if (connectable == null && connectionDelayMs(n, nowMs) == 0) {
                connectable = n;
            }
        }
        return best != null ? best : connectable;
    }

    @Override
    public void close() {
        for (NodeConnection c : new ArrayList<>(connections.values())) {
            disconnect(c, time.milliseconds(), new DisconnectException("The client is closing"));
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }

    private void connect(Node node, long nowMs) {
        NodeState s = nodeStates.computeIfAbsent(node.id(), id -> new NodeState());
        s.lastAttemptMs = nowMs;
        if (nodeMetrics != null) {
            nodeMetrics.connecting(node.id());
        }
        try {
            NodeConnection c = NodeConnection.open(node, selector, settings.sendBufferBytes(), settings.receiveBufferBytes());
            connections.put(node.id(), c);
            if (c.isConnected()) {
                onConnected(c, nowMs);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Cannot connect to {}: {}", node, e.toString());
            connectionFailed(node.id(), s);
            disconnectListener.accept(node.id());
        }
    }

    private void connectionFailed(int nodeId, NodeState s) {
        s.failures++;
        s.backoffMs = reconnectBackoff.backoffMs(s.failures);
    }

    private void onConnected(NodeConnection c, long nowMs) {
        c.state = NodeConnection.State.CHECKING_API_VERSIONS;
        sendApiVersions(c, ApiKeys.API_VERSIONS.latestVersion(), nowMs);
    }

    private void sendApiVersions(NodeConnection c, short version, long nowMs) {
        ApiVersionsRequest body = new ApiVersionsRequest().setClientSoftwareName(SOFTWARE_NAME)
                .setClientSoftwareVersion(ClientVersion.VERSION);
        write(c, ApiKeys.API_VERSIONS, version, body, true, nowMs, settings.requestTimeoutMs(), new CompletableFuture<>());
    }

    private void onFrame(NodeConnection c, ByteBuffer frame, long nowMs) {
        if (nodeMetrics != null) {
            nodeMetrics.responseReceived(c.node.id(), 4 + frame.remaining(), nowMs);
        }
        InFlightRequest req = c.inFlight.poll();
        if (req == null) {
            throw new ProtocolException("Answer from " + c.node + " with no request outstanding");
        }
        int correlationId = ResponseHeader.readCorrelationId(frame, req.api().responseHeaderVersion(req.version()));
        if (correlationId != req.correlationId()) {
            throw new ProtocolException("Answer from " + c.node + " has correlation id " + correlationId + ", expected "
                    + req.correlationId());
        }
        if (c.state == NodeConnection.State.CHECKING_API_VERSIONS && req.api() == ApiKeys.API_VERSIONS) {
            onApiVersions(c, req, frame, nowMs);
            return;
        }
        ApiMessage body = req.api().parseResponse(frame, req.version());
        req.future().complete(new ClientResponse(c.node, req.api(), req.version(), body, req.sentMs(), nowMs));
    }

    private void onApiVersions(NodeConnection c, InFlightRequest req, ByteBuffer frame, long nowMs) {
        ApiVersionsResponse response;
        int start = frame.position();
        try {
            response = (ApiVersionsResponse) ApiKeys.API_VERSIONS.parseResponse(frame, req.version());
        } catch (ProtocolException e) {
            // A broker that does not know our version answers in v0's layout (KIP-511).
            frame.position(start);
            response = (ApiVersionsResponse) ApiKeys.API_VERSIONS.parseResponse(frame, (short) 0);
        }
        Errors error = Errors.forCode(response.errorCode());
        if (error == Errors.UNSUPPORTED_VERSION && req.version() > 0) {
            short max = 0;
            for (ApiVersionsResponse.ApiVersion v : response.apiKeys()) {
                if (v.apiKey() == ApiKeys.API_VERSIONS.id()) {
                    max = v.maxVersion();
                }
            }
            sendApiVersions(c, (short) Math.min(max, req.version() - 1), nowMs);
            return;
        }
        if (error != Errors.NONE) {
            disconnect(c, nowMs, new NetworkException("ApiVersions to " + c.node + " failed: " + error));
            return;
        }
        c.versions = NodeApiVersions.from(response);
        c.state = NodeConnection.State.READY;
        nodeStates.computeIfAbsent(c.node.id(), id -> new NodeState()).failures = 0;
        log.debug("Connected to {} ({})", c.node, c.versions);
    }

    private long connectDeadline(NodeConnection c) {
        NodeState s = nodeStates.get(c.node.id());
        return (s == null ? 0 : s.lastAttemptMs) + settings.socketConnectionSetupTimeoutMs();
    }

    private void expireRequests(long nowMs) {
        List<NodeConnection> expired = new ArrayList<>();
        for (NodeConnection c : connections.values()) {
            InFlightRequest head = c.inFlight.peek();
            boolean requestExpired = head != null && head.deadlineMs() <= nowMs;
            boolean connectExpired = c.state == NodeConnection.State.CONNECTING && connectDeadline(c) <= nowMs;
            if (requestExpired || connectExpired) {
                expired.add(c);
            }
        }
        for (NodeConnection c : expired) {
            String what = c.state == NodeConnection.State.CONNECTING ? "Connecting to " + c.node : "A request to " + c.node;
            disconnect(c, nowMs, new TimeoutException(what + " timed out"));
        }
    }

    private void disconnect(NodeConnection c, long nowMs, RuntimeException cause) {
        if (connections.get(c.node.id()) == c) {
            connections.remove(c.node.id());
        }
        boolean wasReady = c.state == NodeConnection.State.READY;
        c.close();
        if (!wasReady) {
            connectionFailed(c.node.id(), nodeStates.computeIfAbsent(c.node.id(), id -> new NodeState()));
        }
        log.debug("Disconnected from {}: {}", c.node, cause.getMessage());
        disconnectListener.accept(c.node.id());
        InFlightRequest r;
        while ((r = c.inFlight.poll()) != null) {
            r.future().completeExceptionally(cause);
        }
    }
}
