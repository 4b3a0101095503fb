package io.samsa.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * A fresh standalone ZooKeeper server for one broker's run, started through Samsa's
 * {@code bin/zookeeper-server-start.sh} with its data under the run directory. Both brokers use
 * the same server build, and it is not part of any measurement. Not thread-safe.
 */
public final class ZooKeeperProcess implements AutoCloseable {

    private static final long START_TIMEOUT_NANOS = 60_000_000_000L;

    private final Process process;
    private final int port;

    private ZooKeeperProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static ZooKeeperProcess start(BenchSetup setup, Path dir) throws IOException {
        Files.createDirectories(dir);
        int port = Ports.freePort();
        Path props = dir.resolve("zookeeper.properties");
        Files.writeString(props, "dataDir=" + dir.resolve("data") + "\nclientPort=" + port
                + "\nclientPortAddress=127.0.0.1\nmaxClientCnxns=0\nadmin.enableServer=false\n");
        ProcessBuilder pb = new ProcessBuilder(setup.script("zookeeper-server-start.sh").toString(), props.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("zookeeper.log").toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = ChildProcesses.track(pb.start());
        ZooKeeperProcess zk = new ZooKeeperProcess(p, port);
        long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
        while (!Ports.isListening(port)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                zk.close();
                throw new IllegalStateException("ZooKeeper did not start; see " + dir.resolve("zookeeper.log"));
            }
            LockSupport.parkNanos(20_000_000L);
        }
        return zk;
    }

    public String connectString() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, 20);
    }
}
