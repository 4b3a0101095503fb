package io.samsa.core.server.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The probe reports a target whose port refuses connections (nothing listens: the process is gone)
 * after the configured number of refusals in a row, once; a listening target, even one that never
 * accepts (a paused process: the kernel still completes the handshake), is never reported.
 */
class RefusedConnectionProbeTest {

    @Test
    void aClosedPortIsReportedOnceAfterConsecutiveRefusalsAndAListeningOneNever() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket paused = new ServerSocket(0, 50, loopback)) {
            int closedPort;
            try (ServerSocket gone = new ServerSocket(0, 50, loopback)) {
                closedPort = gone.getLocalPort();
            }
            List<RefusedConnectionProbe.Target> reported = new ArrayList<>();
            RefusedConnectionProbe.Target alive = new RefusedConnectionProbe.Target(1, 10L, "127.0.0.1", paused.getLocalPort());
            RefusedConnectionProbe.Target dead = new RefusedConnectionProbe.Target(2, 20L, "127.0.0.1", closedPort);
            RefusedConnectionProbe probe = new RefusedConnectionProbe("test-probe", 200, 2, () -> List.of(alive, dead), reported::add);

            probe.probeAll();
            assertEquals(List.of(), reported, "one refusal is not enough");
            probe.probeAll();
            assertEquals(List.of(dead), reported);
            probe.probeAll();
            probe.probeAll();
            assertEquals(List.of(dead), reported, "reported once");
        }
    }
}
