package io.samsa.core.network;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.samsa.common.Time;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.ProtocolException;
import io.samsa.protocol.RequestHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One client connection. Frames arrive from the length-prefix decoder; at most one request per
 * connection is processing at any time, so responses leave in request order as Kafka clients
 * require. Further frames queue here and reading pauses while they wait. All state is confined to
 * the channel's event loop; {@link #complete} hops onto it from handler threads.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(ConnectionHandler.class);

    private final String listenerName;
    private final RequestProcessor processor;
    private final Executor handlerPool;
    private final Time time;
    private final RequestMetrics metrics;
    private final ArrayDeque<ByteBuf> pending = new ArrayDeque<>();
    private Channel channel;
    private boolean inFlight;
    /** We closed the connection (bad input, an error): nothing more is processed. */
    private boolean closed;
    /**
     * The client closed it: requests it sent before are still processed, as Kafka does, and only
     * their answers are dropped; an acks=0 producer closes right after its last write.
     */
    private boolean peerGone;

    ConnectionHandler(String listenerName, RequestProcessor processor, Executor handlerPool, Time time, RequestMetrics metrics) {
        this.listenerName = listenerName;
        this.processor = processor;
        this.handlerPool = handlerPool;
        this.time = time;
        this.metrics = metrics;
    }

    Time time() {
        return time;
    }

    RequestMetrics metrics() {
        return metrics;
    }

    String listenerName() {
        return listenerName;
    }

    InetSocketAddress remoteAddress() {
        return channel == null ? null : (InetSocketAddress) channel.remoteAddress();
    }

    ByteBufAllocator allocator() {
        return channel.alloc();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        this.channel = ctx.channel();
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        if (closed) {
            frame.release();
            return;
        }
        pending.add(frame);
        if (inFlight) {
            // Stop reading until the request ahead of this one has been answered.
            channel.config().setAutoRead(false);
        } else {
            startNext();
        }
    }

    private void startNext() {
        ByteBuf frame = pending.poll();
        if (frame == null) {
            if (!closed && !peerGone) {
                channel.config().setAutoRead(true);
            }
            return;
        }
        ByteBuffer buf = frame.nioBuffer();
        if (buf.remaining() < 8) {
            frame.release();
            closeWithReason("request of " + buf.remaining() + " bytes is too short for a header");
            return;
        }
        short key = buf.getShort(buf.position());
        short version = buf.getShort(buf.position() + 2);
        ApiKeys apiKey = ApiKeys.forId(key);
        if (apiKey == null) {
            frame.release();
            closeWithReason("unknown API key " + key);
            return;
        }
        RequestHeader header;
        try {
            header = RequestHeader.parse(buf);
        } catch (ProtocolException | IllegalArgumentException e) {
            frame.release();
            closeWithReason("malformed header of " + apiKey + " v" + version + ": " + e.getMessage());
            return;
        }
        Request request = new Request(this, frame, header, apiKey, buf.slice(), time.nanoseconds());
        inFlight = true;
        try {
            handlerPool.execute(() -> runSafely(request));
        } catch (RuntimeException e) {
            request.closeConnection("request handler pool refused work: " + e);
        }
    }

    private void runSafely(Request request) {
        request.dequeued(time.nanoseconds());
        try {
            processor.process(request);
            request.handled(time.nanoseconds());
        } catch (ProtocolException e) {
            request.closeConnection("malformed " + request.apiKey() + " v" + request.version() + " request: " + e.getMessage());
        } catch (Throwable t) {
            log.error("Unexpected error handling {}; closing the connection", request, t);
            request.closeConnection("error handling " + request.apiKey());
        }
    }

    /** Called once per request, from any thread; {@code parts} null means close the connection. */
    void complete(Request request, List<Object> parts, String closeReason) {
        if (channel.eventLoop().inEventLoop()) {
            completeOnLoop(request, parts, closeReason);
            return;
        }
        try {
            channel.eventLoop().execute(() -> completeOnLoop(request, parts, closeReason));
        } catch (RejectedExecutionException e) {
            // The event loop stopped (broker shutdown): nothing will be written, but the buffers must go back.
            request.releaseFrame();
            if (parts != null) {
                parts.forEach(ReferenceCountUtil::release);
            }
        }
    }

    private void completeOnLoop(Request request, List<Object> parts, String closeReason) {
        long dequeued = time.nanoseconds();
        request.releaseFrame();
        inFlight = false;
        if (parts == null) {
            recordMetrics(request, dequeued, dequeued);
            closeWithReason(closeReason);
            return;
        }
        if (closed) {
            parts.forEach(ReferenceCountUtil::release);
            recordMetrics(request, dequeued, dequeued);
            return;
        }
        if (peerGone || !channel.isActive()) {
            parts.forEach(ReferenceCountUtil::release);
            recordMetrics(request, dequeued, dequeued);
            startNext();
            return;
        }
        if (parts.isEmpty()) {
            recordMetrics(request, dequeued, dequeued);
        } else {
            int last = parts.size() - 1;
            for (int i = 0; i < last; i++) {
                channel.write(parts.get(i), channel.voidPromise());
            }
            // The send ends when the last part has been written to the socket (Kafka's ResponseSendTimeMs).
            // A failed write still reaches exceptionCaught, as it did through the void promise.
            channel.write(parts.get(last)).addListener(f -> {
                recordMetrics(request, dequeued, time.nanoseconds());
                if (!f.isSuccess()) {
                    channel.pipeline().fireExceptionCaught(f.cause());
                }
            });
            channel.flush();
        }
        startNext();
    }

    private void recordMetrics(Request request, long responseDequeueNanos, long endNanos) {
        metrics.record(request.apiKey(), request.version(), request.receivedNanos(), request.dequeueNanos(),
                request.localCompleteNanos(), request.responseCompleteNanos(), responseDequeueNanos, endNanos);
    }

    private void closeWithReason(String reason) {
        if (!closed) {
            closed = true;
            log.info("Closing connection from {} on {}: {}", remoteAddress(), listenerName, reason);
        }
        releasePending();
        channel.close();
    }

    private void releasePending() {
        ByteBuf b;
        while ((b = pending.poll()) != null) {
            b.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        peerGone = true;
        if (closed) {
            releasePending();
        } else if (!inFlight) {
            startNext();
        }
        super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent && !inFlight) {
            closeWithReason("idle for longer than connections.max.idle.ms");
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            closeWithReason("request size exceeds socket.request.max.bytes (" + cause.getMessage() + ")");
        } else if (cause instanceof IOException) {
            closed = true;
            releasePending();
            ctx.close();
        } else {
            closeWithReason("bad frame: " + cause.getMessage());
        }
    }

}
