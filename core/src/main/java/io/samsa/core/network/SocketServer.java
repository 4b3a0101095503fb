package io.samsa.core.network;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.samsa.common.Time;
import io.samsa.core.metrics.BrokerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The broker's listeners: one Netty server channel per listener, shared event loops for all
 * connections. Each connection's pipeline is: length-prefix frame decoder (rejecting frames over
 * {@code socket.request.max.bytes}) then {@link ConnectionHandler}. Thread-safe start and stop.
 */
public final class SocketServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SocketServer.class);

    /** One listener to bind: name, host (empty = all interfaces), port (0 = ephemeral). */
    public record Listener(String name, String host, int port) {
    }

    /** Socket settings. */
    public record Settings(int networkThreads, int maxRequestBytes, int sendBufferBytes, int receiveBufferBytes,
                           long connectionsMaxIdleMs) {
    }

    private final Settings settings;
    private final RequestProcessor processor;
    private final Executor handlerPool;
    private final Time time;
    private final RequestMetrics metrics;
    private final SocketServerMetrics socketMetrics;
    private final Map<String, Channel> serverChannels = new LinkedHashMap<>();
    private EventLoopGroup bossGroup;
    private EventLoopGroup workerGroup;

    public SocketServer(Settings settings, RequestProcessor processor, Executor handlerPool, Time time, BrokerMetrics brokerMetrics) {
        this.settings = settings;
        this.processor = processor;
        this.handlerPool = handlerPool;
        this.time = time;
        this.metrics = new RequestMetrics(brokerMetrics);
        this.socketMetrics = new SocketServerMetrics(brokerMetrics);
    }

    public synchronized void start(Iterable<Listener> listeners) throws InterruptedException {
        boolean epoll = Epoll.isAvailable();
        Class<? extends ServerChannel> channelClass;
        if (epoll) {
            bossGroup = new EpollEventLoopGroup(1, new DefaultThreadFactory("samsa-acceptor", true));
            workerGroup = new EpollEventLoopGroup(settings.networkThreads(), socketMetrics.networkThreadFactory("samsa-network"));
            channelClass = EpollServerSocketChannel.class;
        } else {
            bossGroup = new NioEventLoopGroup(1, new DefaultThreadFactory("samsa-acceptor", true));
            workerGroup = new NioEventLoopGroup(settings.networkThreads(), socketMetrics.networkThreadFactory("samsa-network"));
            channelClass = NioServerSocketChannel.class;
        }
        for (Listener listener : listeners) {
            SocketServerMetrics.ListenerConnections connections = socketMetrics.listener(listener.name());
            ServerBootstrap b = new ServerBootstrap()
                    .group(bossGroup, workerGroup)
                    .channel(channelClass)
                    .option(ChannelOption.SO_BACKLOG, 256)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            connections.accepted(ch);
                            if (settings.connectionsMaxIdleMs() > 0) {
                                ch.pipeline().addLast("idle", new IdleStateHandler(0, 0, settings.connectionsMaxIdleMs(), TimeUnit.MILLISECONDS));
                            }
                            ch.pipeline().addLast("frames", new LengthFieldBasedFrameDecoder(settings.maxRequestBytes(), 0, 4, 0, 4, true));
                            ch.pipeline().addLast("requests", new ConnectionHandler(listener.name(), processor, handlerPool, time, metrics));
                        }
                    });
            if (settings.sendBufferBytes() > 0) {
                b.childOption(ChannelOption.SO_SNDBUF, settings.sendBufferBytes());
            }
            if (settings.receiveBufferBytes() > 0) {
                b.childOption(ChannelOption.SO_RCVBUF, settings.receiveBufferBytes());
            }
            InetSocketAddress address = listener.host() == null || listener.host().isEmpty()
                    ? new InetSocketAddress(listener.port()) : new InetSocketAddress(listener.host(), listener.port());
            Channel ch = b.bind(address).sync().channel();
            serverChannels.put(listener.name(), ch);
            log.info("Listening on {} ({}) with {} transport", ch.localAddress(), listener.name(), epoll ? "epoll" : "nio");
        }
    }

    /** The port a listener actually bound (useful when configured with port 0). */
    public synchronized int boundPort(String listenerName) {
        Channel ch = serverChannels.get(listenerName);
        if (ch == null) {
            throw new IllegalArgumentException("No listener named " + listenerName);
        }
        return ((InetSocketAddress) ch.localAddress()).getPort();
    }

    /** Stops accepting; existing connections close with the event loops. */
    public synchronized void stopAccepting() {
        for (Channel ch : serverChannels.values()) {
            ch.close().syncUninterruptibly();
        }
    }

    @Override
    public synchronized void close() {
        stopAccepting();
        if (bossGroup != null) {
            bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            bossGroup = null;
            workerGroup = null;
        }
    }
}
