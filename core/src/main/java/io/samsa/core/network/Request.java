package io.samsa.core.network;

import io.netty.buffer.ByteBuf;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.ApiMessage;
import io.samsa.protocol.RequestHeader;
import io.samsa.protocol.ResponseHeader;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request read from a connection, waiting for its answer. The body buffer is a view of the
 * network frame and stays valid until the request is completed (or {@link #releaseFrame()}), so
 * produce data can be appended to the log without a copy. Completion is thread-safe and happens once.
 */
public final class Request {

    private final ConnectionHandler connection;
    private final ByteBuf frame;
    private final RequestHeader header;
    private final ApiKeys apiKey;
    private final ByteBuffer body;
    private final long receivedNanos;
    private final AtomicBoolean completed = new AtomicBoolean();
    private final AtomicBoolean frameReleased = new AtomicBoolean();
    /** When a handler thread took the request; set once, by that thread. */
    private volatile long dequeueNanos = RequestMetrics.UNSET;
    /** When the handler returned, or the answer was ready if that came first (Kafka's apiLocalCompleteTime). */
    private volatile long localCompleteNanos = RequestMetrics.UNSET;
    /** When the answer was ready (or the request completed without one); set by the completing thread. */
    private volatile long responseCompleteNanos = RequestMetrics.UNSET;

    Request(ConnectionHandler connection, ByteBuf frame, RequestHeader header, ApiKeys apiKey, ByteBuffer body, long receivedNanos) {
        this.connection = connection;
        this.frame = frame;
        this.header = header;
        this.apiKey = apiKey;
        this.body = body;
        this.receivedNanos = receivedNanos;
    }

    public RequestHeader header() {
        return header;
    }

    public ApiKeys apiKey() {
        return apiKey;
    }

    public short version() {
        return header.apiVersion();
    }

    /** The request body after the header; a view of the frame, valid until completion. */
    public ByteBuffer body() {
        return body;
    }

    public long receivedNanos() {
        return receivedNanos;
    }

    void dequeued(long nanos) {
        dequeueNanos = nanos;
    }

    /** The handler returned; the local phase ends now unless the answer was ready before. */
    void handled(long nanos) {
        if (localCompleteNanos == RequestMetrics.UNSET) {
            localCompleteNanos = nanos;
        }
    }

    private void responseReady() {
        long now = connection.time().nanoseconds();
        if (localCompleteNanos == RequestMetrics.UNSET) {
            localCompleteNanos = now;
        }
        responseCompleteNanos = now;
    }

    long dequeueNanos() {
        return dequeueNanos;
    }

    long localCompleteNanos() {
        return localCompleteNanos;
    }

    long responseCompleteNanos() {
        return responseCompleteNanos;
    }

    public String listenerName() {
        return connection.listenerName();
    }

    public InetSocketAddress remoteAddress() {
        return connection.remoteAddress();
    }

    /** Encodes {@code response} at the request's version and sends it. */
    public void sendResponse(ApiMessage response) {
        sendResponse(response, header.apiVersion());
    }

    /**
     * Encodes {@code response} in the layout of {@code bodyVersion}, which differs from the request
     * version only for ApiVersions' UNSUPPORTED_VERSION answer (always the v0 layout).
     */
    public void sendResponse(ApiMessage response, short bodyVersion) {
        if (!completed.compareAndSet(false, true)) {
            throw new IllegalStateException("Request " + header.correlationId() + " completed twice");
        }
        if (response.apiKey() != apiKey.id()) {
            throw new IllegalArgumentException("A " + response.getClass().getSimpleName() + " cannot answer " + this);
        }
        responseReady();
        connection.metrics().recordErrors(apiKey, response);
        short headerVersion = apiKey.responseHeaderVersion(header.apiVersion());
        int size;
        try {
            size = ResponseHeader.size(headerVersion) + response.size(bodyVersion);
        } catch (RuntimeException e) {
            connection.complete(this, null, "failed to encode " + apiKey + " v" + bodyVersion + " response: " + e);
            return;
        }
        ResponseSink sink = new ResponseSink(connection.allocator(), size + 4);
        List<Object> parts;
        try {
            sink.writeInt(size);
            ResponseHeader.write(sink, header.correlationId(), headerVersion);
            response.write(sink, bodyVersion);
            parts = sink.finish();
        } catch (RuntimeException e) {
            sink.release();
            connection.complete(this, null, "failed to encode " + apiKey + " v" + bodyVersion + " response: " + e);
            return;
        }
        connection.complete(this, parts, null);
    }

    /** Completes without an answer (Produce with acks=0); the next request may start. */
    public void sendNoResponse() {
        if (completed.compareAndSet(false, true)) {
            responseReady();
            connection.complete(this, List.of(), null);
        }
    }

    /** Closes the connection after logging {@code reason} once. */
    public void closeConnection(String reason) {
        if (completed.compareAndSet(false, true)) {
            responseReady();
            connection.complete(this, null, reason);
        }
    }

    /**
     * Gives the network frame back before the request completes, for a handler that has taken
     * all it needs from the body (a produce whose records are in the log, waiting for replicas),
     * so a parked request does not pin its whole frame. The body must not be read afterwards.
     * Released at completion otherwise; releasing twice is harmless.
     */
    public void releaseFrame() {
        if (frameReleased.compareAndSet(false, true)) {
            frame.release();
        }
    }

    @Override
    public String toString() {
        return apiKey + " v" + header.apiVersion() + " correlationId=" + header.correlationId()
                + " clientId=" + header.clientId() + " from " + remoteAddress();
    }
}
