package io.samsa.systest.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * Reads the cluster's ZooKeeper state directly, as an observer independent of the brokers: who
 * holds {@code /controller}, which {@code /brokers/ids/<id>} registrations exist, and each
 * partition's leader and ISR as the controller last wrote them. Thread-safe (Curator is).
 */
public final class ZkInspector implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BROKER_ID = Pattern.compile("\"brokerid\"\\s*:\\s*(-?\\d+)");

    private static final Pattern SESSION_ID = Pattern.compile("sid=0x([0-9a-fA-F]+)");

    private final String zkConnect;
    private final CuratorFramework curator;

    public ZkInspector(String zkConnect) {
        this.zkConnect = zkConnect;
        curator = CuratorFrameworkFactory.newClient(zkConnect, 30_000, 10_000, new RetryOneTime(200));
        curator.start();
        try {
            if (!curator.blockUntilConnected(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Cannot connect to ZooKeeper at " + zkConnect);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The broker id in {@code /controller}, or empty when no controller is elected. */
    public OptionalInt controller() {
        try {
            String json = new String(curator.getData().forPath("/controller"), StandardCharsets.UTF_8);
            Matcher m = BROKER_ID.matcher(json);
            if (!m.find()) {
                throw new AssertionError("/controller holds no brokerid: " + json);
            }
            return OptionalInt.of(Integer.parseInt(m.group(1)));
        } catch (KeeperException.NoNodeException e) {
            return OptionalInt.empty();
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read /controller", e);
        }
    }

    /** The integer in {@code /controller_epoch}, or -1 when it does not exist yet. */
    public int controllerEpoch() {
        try {
            return Integer.parseInt(new String(curator.getData().forPath("/controller_epoch"), StandardCharsets.UTF_8).trim());
        } catch (KeeperException.NoNodeException e) {
            return -1;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read /controller_epoch", e);
        }
    }

    /** Whether {@code /brokers/ids/<id>} exists (one ZooKeeper server: no follower can lag behind). */
    public boolean isRegistered(int brokerId) {
        String path = "/brokers/ids/" + brokerId;
        try {
            return curator.checkExists().forPath(path) != null;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
    }

    /**
     * The ZooKeeper session that owns {@code /brokers/ids/<id>}, or empty when the broker is not
     * registered. A broker restarted after kill -9 registers under a new session; until the old one
     * expires its stale registration still stands.
     */
    public OptionalLong registrationSession(int brokerId) {
        return ephemeralOwner("/brokers/ids/" + brokerId);
    }

    /**
     * The session that owns {@code /controller}, or empty when no controller is elected. After a
     * ZooKeeper restart it may be a restored session whose client is gone, until the server expires it.
     */
    public OptionalLong controllerSession() {
        return ephemeralOwner("/controller");
    }

    private OptionalLong ephemeralOwner(String path) {
        try {
            Stat stat = curator.checkExists().forPath(path);
            return stat == null ? OptionalLong.empty() : OptionalLong.of(stat.getEphemeralOwner());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
    }

    /**
     * {@code /brokers/topics/<topic>/partitions/<partition>/state}: the leader (-1 when none), its
     * epoch and the ISR; empty before the controller has written it.
     */
    public Optional<PartitionState> partitionState(String topic, int partition) {
        String path = "/brokers/topics/" + topic + "/partitions/" + partition + "/state";
        try {
            JsonNode state = JSON.readTree(curator.getData().forPath(path));
            List<Integer> isr = new ArrayList<>();
            state.get("isr").forEach(n -> isr.add(n.asInt()));
            return Optional.of(new PartitionState(state.get("leader").asInt(), state.get("leader_epoch").asInt(), isr));
        } catch (KeeperException.NoNodeException e) {
            return Optional.empty();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
    }

    /** Number of partitions in {@code /brokers/topics/<topic>}'s assignment; 0 when the topic does not exist. */
    public int partitionCount(String topic) {
        String path = "/brokers/topics/" + topic;
        try {
            return JSON.readTree(curator.getData().forPath(path)).get("partitions").size();
        } catch (KeeperException.NoNodeException e) {
            return 0;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
    }

    /**
     * The sessions of the clients connected to the (single) ZooKeeper server right now, from its
     * {@code cons} command (which the server must allow in {@code 4lw.commands.whitelist}). A session
     * the server restored after a restart but whose client has not come back is not among them.
     */
    public Set<Long> connectedSessions() {
        String[] hostPort = zkConnect.split(",")[0].split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 2_000);
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("cons".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            if (answer.contains("not in the whitelist")) {
                throw new IllegalStateException("ZooKeeper refuses the cons command: " + answer.trim());
            }
            Set<Long> sessions = new HashSet<>();
            Matcher m = SESSION_ID.matcher(answer);
            while (m.find()) {
                sessions.add(Long.parseUnsignedLong(m.group(1), 16));
            }
            return sessions;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot ask ZooKeeper at " + zkConnect + " for its connections", e);
        }
    }

    /** A partition's state znode: leader id (-1 when none), leader epoch, ISR in the order written. */
    public record PartitionState(int leader, int leaderEpoch, List<Integer> isr) {
    }

    @Override
    public void close() {
        curator.close();
    }
}
