package io.samsa.bench;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadinessProbeTest {

    @Test
    void requestIsAMetadataV1ForNoTopics() {
        ByteBuffer b = ByteBuffer.wrap(ReadinessProbe.metadataRequest(77));
        assertEquals(b.capacity() - 4, b.getInt());
        assertEquals(3, b.getShort());
        assertEquals(1, b.getShort());
        assertEquals(77, b.getInt());
        byte[] clientId = new byte[b.getShort()];
        b.get(clientId);
        assertEquals("samsa-bench-probe", new String(clientId, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(0, b.getInt());
        assertFalse(b.hasRemaining());
    }

    @Test
    void readyOnlyWhenTheResponseListsABroker() throws Exception {
        assertTrue(probeAgainstFake(1));
        assertFalse(probeAgainstFake(0));
    }

    @Test
    void nothingListeningIsNotReady() {
        assertFalse(ReadinessProbe.answersMetadata(Ports.freePort(), 1));
    }

    /** One probe against a fake server that answers with {@code brokers} in the brokers array count. */
    private static boolean probeAgainstFake(int brokers) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> fake = CompletableFuture.runAsync(() -> {
                try (Socket s = server.accept()) {
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    byte[] request = new byte[in.readInt()];
                    in.readFully(request);
                    int correlationId = ByteBuffer.wrap(request).getInt(4);
                    DataOutputStream out = new DataOutputStream(s.getOutputStream());
                    out.writeInt(8);
                    out.writeInt(correlationId);
                    out.writeInt(brokers);
                    out.flush();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            boolean ready = ReadinessProbe.answersMetadata(server.getLocalPort(), 5);
            fake.get(10, TimeUnit.SECONDS);
            return ready;
        }
    }
}
