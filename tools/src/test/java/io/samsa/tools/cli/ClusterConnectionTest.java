package io.samsa.tools.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterConnectionTest {

    @TempDir
    Path dir;

    @Test
    void aDeadBootstrapFailsWithinTheTimeoutNamingTheAddressAndWhy() throws Exception {
        String address = "127.0.0.1:" + BootstrapProbeTest.closedPort();
        long start = System.nanoTime();
        ToolFailure e = assertThrows(ToolFailure.class, () -> ClusterConnection.open(
                new CommonSettings(address, null, 1000, false, OutputFormat.TABLE), w -> { }));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals("cannot reach the cluster at " + address + " within 1000 ms: " + address + " refused the connection",
                e.getMessage());
        assertTrue(elapsedMs < 4000, "took " + elapsedMs + " ms");
    }

    @Test
    void theFlagsWinOverTheCommandConfigAndItsUnknownKeysAreWarnedAbout() throws Exception {
        Path file = dir.resolve("admin.properties");
        Files.writeString(file, "bootstrap.servers=old:1\nrequest.timeout.ms=99999\nclient.id=ops\nretries.backof.ms=5\n");
        List<String> warnings = new ArrayList<>();
        Properties p = ClusterConnection.adminProperties(new CommonSettings("new:2", file, 3000, false, OutputFormat.TABLE),
                warnings::add);
        assertEquals("new:2", p.getProperty("bootstrap.servers"));
        assertEquals("3000", p.getProperty("request.timeout.ms"));
        assertEquals("3000", p.getProperty("default.api.timeout.ms"));
        assertEquals("ops", p.getProperty("client.id"));
        assertEquals(List.of("unknown admin client config in --command-config " + file
                + " 'retries.backof.ms' is ignored; did you mean 'retry.backoff.ms'?"), warnings);
    }

    @Test
    void anInvalidCommandConfigIsAFailureNamingTheKey() throws Exception {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "retries=lots\n");
        ToolFailure e = assertThrows(ToolFailure.class, () -> ClusterConnection.open(
                new CommonSettings("127.0.0.1:1", file, 1000, false, OutputFormat.TABLE), w -> { }));
        assertTrue(e.getMessage().startsWith("invalid admin client configuration: ") && e.getMessage().contains("retries"),
                e.getMessage());
    }
}
