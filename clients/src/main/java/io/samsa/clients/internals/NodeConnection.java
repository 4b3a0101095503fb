package io.samsa.clients.internals;

import io.samsa.common.Node;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * One TCP connection to a broker: non-blocking connect, size-prefixed frames out (written at once
 * when the socket takes them, else on OP_WRITE) and in, and the requests awaiting answers in the
 * order they were sent (brokers answer in order). Owned by the I/O thread; not thread-safe.
 */
final class NodeConnection {

    enum State { CONNECTING, CHECKING_API_VERSIONS, READY, CLOSED }

    private static final ByteBuffer[] NO_BUFFERS = new ByteBuffer[0];

    final Node node;
    private final SocketChannel channel;
    private final SelectionKey key;
    private final ArrayDeque<ByteBuffer> outgoing = new ArrayDeque<>();
    final ArrayDeque<InFlightRequest> inFlight = new ArrayDeque<>();
    private final ByteBuffer sizeBuffer = ByteBuffer.allocate(4);
    private ByteBuffer receiving;
    State state = State.CONNECTING;
    NodeApiVersions versions;

    private NodeConnection(Node node, SocketChannel channel, SelectionKey key) {
        this.node = node;
        this.channel = channel;
        this.key = key;
    }

    /** Starts connecting; the connection is reported through the selector (OP_CONNECT). */
    static NodeConnection open(Node node, Selector selector, int sendBufferBytes, int receiveBufferBytes) throws IOException {
        SocketChannel ch = SocketChannel.open();
        try {
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ch.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            if (sendBufferBytes > 0) {
                ch.setOption(StandardSocketOptions.SO_SNDBUF, sendBufferBytes);
            }
            if (receiveBufferBytes > 0) {
                ch.setOption(StandardSocketOptions.SO_RCVBUF, receiveBufferBytes);
            }
            boolean connected = ch.connect(new InetSocketAddress(node.host(), node.port()));
            SelectionKey key = ch.register(selector, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT);
            NodeConnection c = new NodeConnection(node, ch, key);
            key.attach(c);
            return c;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    boolean isConnectPending() {
        return channel.isConnectionPending();
    }

    /** Completes a pending connect; true once connected. */
    boolean finishConnect() throws IOException {
        if (!channel.finishConnect()) {
            return false;
        }
        key.interestOps(SelectionKey.OP_READ | (outgoing.isEmpty() ? 0 : SelectionKey.OP_WRITE));
        return true;
    }

    boolean isConnected() {
        return channel.isConnected();
    }

    /** Queues a whole frame (size prefix included), in one or more buffers, and writes what the socket takes now. */
    void send(ByteBuffer... frame) throws IOException {
        for (ByteBuffer b : frame) {
            outgoing.add(b);
        }
        if (channel.isConnected()) {
            flush();
        }
    }

    /** Writes queued buffers, gathered, until the socket is full; asks for OP_WRITE while some remain. */
    void flush() throws IOException {
        if (!outgoing.isEmpty()) {
            channel.write(outgoing.toArray(NO_BUFFERS));
            while (!outgoing.isEmpty() && !outgoing.peek().hasRemaining()) {
                outgoing.poll();
            }
        }
        int ops = SelectionKey.OP_READ | (outgoing.isEmpty() ? 0 : SelectionKey.OP_WRITE);
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    /**
     * Reads one complete frame if the socket has it, or null when more bytes are needed.
     *
     * @throws IOException when the broker closed the connection or sent a negative size
     */
    ByteBuffer receive() throws IOException {
        if (receiving == null) {
            if (channel.read(sizeBuffer) < 0) {
                throw new IOException("Connection to " + node + " closed by the broker");
            }
            if (sizeBuffer.hasRemaining()) {
                return null;
            }
            int size = sizeBuffer.flip().getInt();
            sizeBuffer.clear();
            if (size < 0) {
                throw new IOException("Invalid response size " + size + " from " + node);
            }
            receiving = ByteBuffer.allocate(size);
        }
        if (receiving.hasRemaining() && channel.read(receiving) < 0) {
            throw new IOException("Connection to " + node + " closed by the broker");
        }
        if (receiving.hasRemaining()) {
            return null;
        }
        ByteBuffer frame = receiving.flip();
        receiving = null;
        return frame;
    }

    void close() {
        state = State.CLOSED;
        key.cancel();
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing to do: the connection is gone either way.
        }
    }
}
