package io.samsa.bench;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Decides when a freshly started broker can serve clients: it sends a Metadata v1 request (for no
 * topics) over a plain socket, every few milliseconds, until a response lists at least one broker.
 * A raw request rather than a client library keeps the probe's own start-up and back-off out of the
 * measured time; v1 is served by Kafka 3.9.1 and by Samsa alike. Stateless; thread-safe.
 */
public final class ReadinessProbe {

    private static final short METADATA_KEY = 3;
    private static final short METADATA_VERSION = 1;
    private static final byte[] CLIENT_ID = "samsa-bench-probe".getBytes(StandardCharsets.UTF_8);
    private static final long POLL_NANOS = 5_000_000L;
    private static final int IO_TIMEOUT_MS = 2_000;

    private ReadinessProbe() {
    }

    /**
     * Polls until the broker at 127.0.0.1:{@code port} answers, {@code process} exits, or the
     * timeout passes.
     *
     * @throws IllegalStateException if the process exits or the deadline passes first
     */
    public static void awaitReady(int port, Process process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int correlationId = 1;
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("broker process exited with code " + process.exitValue()
                        + " before answering a request");
            }
            if (answersMetadata(port, correlationId++)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("broker did not answer a Metadata request within " + timeout);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Whether one Metadata v1 request gets a response that lists at least one broker. */
    static boolean answersMetadata(int port, int correlationId) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), IO_TIMEOUT_MS);
            socket.setSoTimeout(IO_TIMEOUT_MS);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write(metadataRequest(correlationId));
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int size = in.readInt();
            if (size < 8) {
                return false;
            }
            int responseCorrelation = in.readInt();
            int brokers = in.readInt();
            return responseCorrelation == correlationId && brokers > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** A size-prefixed Metadata v1 request (request header v1) asking for no topics. */
    static byte[] metadataRequest(int correlationId) {
        int body = 2 + 2 + 4 + 2 + CLIENT_ID.length + 4;
        ByteBuffer buf = ByteBuffer.allocate(4 + body);
        buf.putInt(body);
        buf.putShort(METADATA_KEY);
        buf.putShort(METADATA_VERSION);
        buf.putInt(correlationId);
        buf.putShort((short) CLIENT_ID.length);
        buf.put(CLIENT_ID);
        buf.putInt(0); // topics: an empty array means none in v1 (null would mean all)
        return buf.array();
    }
}
