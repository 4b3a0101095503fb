package io.samsa.tools.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BootstrapProbeTest {

    @Test
    void aClosedPortRefusesTheConnection() throws IOException {
        int port = closedPort();
        assertEquals("127.0.0.1:" + port + " refused the connection", BootstrapProbe.explain("127.0.0.1:" + port, 1000));
    }

    @Test
    void aListeningPortThatIsNotABrokerIsSaidSo() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String address = "127.0.0.1:" + server.getLocalPort();
            assertEquals(address + " accepts connections but did not answer as a Kafka broker",
                    BootstrapProbe.explain(address, 1000));
        }
    }

    @Test
    void namesThatAreNotAddressesAreSaidSo() {
        assertEquals("no-such-host.invalid:9092: unknown host no-such-host.invalid",
                BootstrapProbe.explain("no-such-host.invalid:9092", 1000));
        assertEquals("localhost is not host:port", BootstrapProbe.explain("localhost", 1000));
        assertEquals("localhost:x has no valid port", BootstrapProbe.explain("localhost:x", 1000));
    }

    @Test
    void everyAddressOfAListIsExplained() throws IOException {
        int port = closedPort();
        assertEquals("127.0.0.1:" + port + " refused the connection; h is not host:port",
                BootstrapProbe.explain("127.0.0.1:" + port + ", h,", 1000));
    }

    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
