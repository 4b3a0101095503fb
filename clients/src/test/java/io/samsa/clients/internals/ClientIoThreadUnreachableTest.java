package io.samsa.clients.internals;

import io.samsa.common.Node;
import io.samsa.common.Time;
import io.samsa.common.errors.DisconnectException;
import io.samsa.common.errors.TimeoutException;
import io.samsa.protocol.message.MetadataRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A request for a node nothing listens on: it waits until its deadline, unless its target fails fast. */
class ClientIoThreadUnreachableTest {

    private static final Node NOBODY = new Node(7, "127.0.0.1", 1);

    private static Throwable failure(CompletableFuture<?> f) {
        return assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS)).getCause();
    }

    @Test
    void aTargetThatFailsFastGivesUpAfterTheFirstFailedConnection() {
        Time time = Time.SYSTEM;
        ClientMetadata metadata = new ClientMetadata(List.of(NOBODY), 300_000, 100, time);
        try (ClientIoThread io = new ClientIoThread("test-io", new NetworkClient("test", NetworkClientSettings.defaults(), time),
                metadata, false, 30_000, time)) {
            io.start();
            ClientRequest request = ClientRequest.of(new MetadataRequest());
            long start = time.milliseconds();
            CompletableFuture<ClientResponse> failsFast = io.send(NodeTarget.node(NOBODY).failingWhenUnreachable(), request,
                    start + 60_000);
            assertInstanceOf(DisconnectException.class, failure(failsFast));
            assertTrue(time.milliseconds() - start < 10_000);

            CompletableFuture<ClientResponse> waits = io.send(NodeTarget.node(NOBODY), request, time.milliseconds() + 300);
            assertInstanceOf(TimeoutException.class, failure(waits), "waits for the node until its deadline");
        }
    }
}
