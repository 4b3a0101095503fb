package io.samsa.core.metrics;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContentCompressor;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The broker's HTTP listener for Prometheus and health probes ({@code metrics.http.listener}),
 * on Netty's HTTP codec with one event-loop thread of its own:
 * <ul>
 * <li>{@code GET /metrics}: the metrics text ({@link PrometheusExposition#CONTENT_TYPE});</li>
 * <li>{@code GET /health/live}: 200 while the process serves;</li>
 * <li>{@code GET /health/ready}: 200 when the broker is ready, else 503 with the reason as plain text;</li>
 * <li>404 for any other path, 405 for a method other than GET and HEAD, 400 for a malformed request.</li>
 * </ul>
 * Connections are kept alive as HTTP/1.1 asks; responses are gzip- or deflate-compressed when the
 * client accepts it. The metrics text is built on the event loop: that thread serves nothing else,
 * and the gauges it reads take no lock that is held for long. Thread-safe.
 */
public final class MetricsHttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MetricsHttpServer.class);
    private static final String PLAIN_TEXT = "text/plain; charset=utf-8";
    private static final int MAX_REQUEST_BYTES = 16 * 1024;

    private final EventLoopGroup group;
    private final Channel channel;
    private final MetricsHttpListener listener;

    private MetricsHttpServer(EventLoopGroup group, Channel channel, MetricsHttpListener listener) {
        this.group = group;
        this.channel = channel;
        this.listener = listener;
    }

    /**
     * Binds {@code listener} and serves {@code metrics} (the exposition text, built per scrape)
     * and {@code readiness}; throws IOException if the address cannot be bound.
     */
    public static MetricsHttpServer start(MetricsHttpListener listener, Supplier<String> metrics, Supplier<Readiness> readiness)
            throws IOException {
        EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("samsa-metrics-http", true));
        Channel channel;
        try {
            channel = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(
                                    new HttpServerCodec(),
                                    new HttpServerKeepAliveHandler(),
                                    new HttpContentCompressor(),
                                    new HttpObjectAggregator(MAX_REQUEST_BYTES),
                                    new Handler(metrics, readiness));
                        }
                    })
                    .bind(listener.bindAddress())
                    .syncUninterruptibly()
                    .channel();
        } catch (Exception e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            throw new IOException("Cannot serve metrics at " + listener + ": " + e.getMessage(), e);
        }
        MetricsHttpServer server = new MetricsHttpServer(group, channel, listener);
        log.info("Serving metrics at {}/metrics", server.url());
        return server;
    }

    /** The address bound (the actual port when port 0 was asked for). */
    public InetSocketAddress boundAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** {@code http://HOST:PORT} with the configured host (the bound one if none was) and the bound port. */
    public String url() {
        String host = listener.host().isEmpty() ? boundAddress().getAddress().getHostAddress() : listener.host();
        return new MetricsHttpListener(host, boundAddress().getPort()).toString();
    }

    /** Stops listening, closes every connection and stops the event loop. */
    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Answers one request at a time per connection; runs on the event loop. */
    private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {

        private final Supplier<String> metrics;
        private final Supplier<Readiness> readiness;

        Handler(Supplier<String> metrics, Supplier<Readiness> readiness) {
            this.metrics = metrics;
            this.readiness = readiness;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            if (!request.decoderResult().isSuccess()) {
                FullHttpResponse response = response(HttpResponseStatus.BAD_REQUEST, PLAIN_TEXT, "Bad request\n", false);
                HttpUtil.setKeepAlive(response, false);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            boolean head = request.method().equals(HttpMethod.HEAD);
            FullHttpResponse response;
            if (!head && !request.method().equals(HttpMethod.GET)) {
                response = response(HttpResponseStatus.METHOD_NOT_ALLOWED, PLAIN_TEXT, "Method not allowed\n", false);
                response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
            } else {
                response = switch (new QueryStringDecoder(request.uri()).path()) {
                    case "/metrics" -> metricsResponse(head);
                    case "/health/live" -> response(HttpResponseStatus.OK, PLAIN_TEXT, "live\n", head);
                    case "/health/ready" -> readyResponse(head);
                    default -> response(HttpResponseStatus.NOT_FOUND, PLAIN_TEXT, "Not found: try /metrics, /health/live or /health/ready\n", head);
                };
            }
            HttpUtil.setKeepAlive(response, HttpUtil.isKeepAlive(request));
            ctx.writeAndFlush(response);
        }

        private FullHttpResponse metricsResponse(boolean head) {
            String text;
            try {
                text = metrics.get();
            } catch (RuntimeException e) {
                log.warn("Could not build the metrics text", e);
                return response(HttpResponseStatus.INTERNAL_SERVER_ERROR, PLAIN_TEXT, "Could not read the metrics: " + e + "\n", head);
            }
            return response(HttpResponseStatus.OK, PrometheusExposition.CONTENT_TYPE, text, head);
        }

        private FullHttpResponse readyResponse(boolean head) {
            Readiness r;
            try {
                r = readiness.get();
            } catch (RuntimeException e) {
                r = Readiness.notReady("readiness unknown: " + e);
            }
            return r.ready()
                    ? response(HttpResponseStatus.OK, PLAIN_TEXT, "ready\n", head)
                    : response(HttpResponseStatus.SERVICE_UNAVAILABLE, PLAIN_TEXT, "not ready: " + r.reason() + "\n", head);
        }

        /** A complete response; for HEAD, the headers GET would send (Content-Length included) and no body. */
        private static FullHttpResponse response(HttpResponseStatus status, String contentType, String body, boolean head) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
            HttpUtil.setContentLength(response, bytes.length);
            return response;
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.debug("Closing metrics connection from {}", ctx.channel().remoteAddress(), cause);
            ctx.close();
        }
    }
}
