package io.samsa.systest.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.systest.harness.CommandResult;
import io.samsa.systest.harness.ExternalCommand;
import io.samsa.systest.harness.Ports;
import io.samsa.systest.harness.ProcessCluster;
import io.samsa.testkit.Wait;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The README's one-command start, {@code bin/samsa-quickstart.sh}: it brings up ZooKeeper and a
 * broker that kcat can list, keeps its data under {@code $SAMSA_DATA_DIR}, and exits on SIGTERM.
 * Ports 9092 and 2181 may be taken on a CI machine, so the test moves both with the script's
 * {@code --override} options.
 */
@Tag("system")
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class QuickstartSystemTest {

    @Test
    void quickstartBrokerIsListedByKcatAndExitsOnSigterm() throws Exception {
        Path base = ProcessCluster.HOME.resolve("system-tests/target/clusters");
        Files.createDirectories(base);
        Path work = Files.createTempDirectory(base, "quickstart-");
        Path data = work.resolve("data");
        Path output = work.resolve("quickstart.log");
        int brokerPort = Ports.freePort();
        int zkPort = Ports.freePort();

        ProcessBuilder pb = new ProcessBuilder(ProcessCluster.HOME.resolve("bin/samsa-quickstart.sh").toString(),
                "--override", "listeners=PLAINTEXT://127.0.0.1:" + brokerPort,
                "--override", "zookeeper.connect=127.0.0.1:" + zkPort);
        pb.environment().put("SAMSA_DATA_DIR", data.toString());
        pb.environment().put("SAMSA_HEAP_OPTS", "-Xms128m -Xmx384m");
        pb.redirectErrorStream(true);
        pb.redirectOutput(output.toFile());
        Process quickstart = pb.start();
        try {
            String[] listing = new String[1];
            Wait.until("kcat listing the quickstart broker (output: " + output + ")", Duration.ofSeconds(90), () -> {
                if (!quickstart.isAlive()) {
                    throw new AssertionError("quickstart exited with " + quickstart.exitValue() + ":\n" + read(output));
                }
                if (!Ports.isListening(brokerPort)) {
                    return false;
                }
                CommandResult r = ExternalCommand.run(List.of("kcat", "-L", "-b", "127.0.0.1:" + brokerPort, "-m", "5"),
                        null, Duration.ofSeconds(30));
                listing[0] = r.stdout();
                return r.exitCode() == 0 && r.stdout().contains("broker 0 at 127.0.0.1:" + brokerPort);
            });
            assertTrue(listing[0].contains(" 1 brokers:"), listing[0]);
            assertTrue(listing[0].contains("broker 0 at 127.0.0.1:" + brokerPort + " (controller)"), listing[0]);
            assertTrue(Files.isDirectory(data.resolve("logs")), "broker data not under SAMSA_DATA_DIR: " + data);
            assertTrue(Files.isDirectory(data.resolve("zookeeper")), "ZooKeeper data not under SAMSA_DATA_DIR: " + data);

            quickstart.destroy();
            assertTrue(quickstart.waitFor(60, TimeUnit.SECONDS), "quickstart still running 60 s after SIGTERM");
            assertEquals(143, quickstart.exitValue(), "exit status after SIGTERM:\n" + read(output));
            assertFalse(Ports.isListening(brokerPort), "broker port still open");
            assertFalse(Ports.isListening(zkPort), "ZooKeeper port still open");
            assertTrue(Files.exists(data.resolve("logs/.kafka_cleanshutdown")), "broker did not shut down cleanly:\n" + read(output));
        } finally {
            if (quickstart.isAlive()) {
                quickstart.destroyForcibly();
                quickstart.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
