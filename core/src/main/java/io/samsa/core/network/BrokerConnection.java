package io.samsa.core.network;

import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.ApiMessage;
import io.samsa.protocol.ByteBufferSink;
import io.samsa.protocol.RequestHeader;
import io.samsa.protocol.ResponseHeader;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;

/**
 * A blocking connection to one broker that sends a request and waits for its answer. Used by
 * the controller to reach brokers and by tests; not for client hot paths. Not thread-safe: one
 * caller at a time.
 */
public final class BrokerConnection implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final String clientId;
    private int nextCorrelationId;

    public BrokerConnection(String host, int port, String clientId, int timeoutMs) throws IOException {
        this.socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), timeoutMs);
        socket.setSoTimeout(timeoutMs);
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.clientId = clientId;
    }

    /**
     * Sends {@code body} at {@code version} and returns the parsed response body, whose class is
     * the request's API's response class.
     */
    @SuppressWarnings("unchecked")
    public <R extends ApiMessage> R send(ApiMessage body, short version) throws IOException {
        ApiKeys api = ApiKeys.forId(body.apiKey());
        int correlationId = nextCorrelationId++;
        RequestHeader header = new RequestHeader(api.id(), version, correlationId, clientId);
        int size = header.size() + body.size(version);
        ByteBuffer buf = ByteBuffer.allocate(4 + size);
        buf.putInt(size);
        ByteBufferSink sink = new ByteBufferSink(buf);
        header.writeTo(sink);
        body.write(sink, version);
        out.write(buf.array(), 0, buf.position());
        out.flush();
        ByteBuffer response = readFrame();
        short headerVersion = api.responseHeaderVersion(version);
        int gotCorrelation = ResponseHeader.readCorrelationId(response, headerVersion);
        if (gotCorrelation != correlationId) {
            throw new IOException("Expected correlation id " + correlationId + " but got " + gotCorrelation);
        }
        return (R) api.parseResponse(response, version);
    }

    /** Writes raw bytes (tests of malformed input). */
    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads one size-prefixed frame. */
    public ByteBuffer readFrame() throws IOException {
        int size = in.readInt();
        if (size < 0) {
            throw new IOException("Negative response size " + size);
        }
        byte[] bytes = new byte[size];
        in.readFully(bytes);
        return ByteBuffer.wrap(bytes);
    }

    /** Blocks until the peer closes (true) or sends a byte or the socket timeout passes (false). */
    public boolean isClosedByPeer() {
        try {
            return in.read() < 0;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
