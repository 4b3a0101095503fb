package io.samsa.systest.cluster;

import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.KeeperException;

/**
 * Reads the cluster's ZooKeeper state directly, as an observer independent of the brokers: who
 * holds {@code /controller} and which {@code /brokers/ids/<id>} registrations exist. Thread-safe
 * (Curator is).
 */
final class ZkInspector implements AutoCloseable {

    private static final Pattern BROKER_ID = Pattern.compile("\"brokerid\"\\s*:\\s*(-?\\d+)");

    private final CuratorFramework curator;

    ZkInspector(String zkConnect) {
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
    OptionalInt controller() {
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
    int controllerEpoch() {
        try {
            return Integer.parseInt(new String(curator.getData().forPath("/controller_epoch"), StandardCharsets.UTF_8).trim());
        } catch (KeeperException.NoNodeException e) {
            return -1;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read /controller_epoch", e);
        }
    }

    /** Whether {@code /brokers/ids/<id>} exists (one ZooKeeper server: no follower can lag behind). */
    boolean isRegistered(int brokerId) {
        String path = "/brokers/ids/" + brokerId;
        try {
            return curator.checkExists().forPath(path) != null;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
    }

    @Override
    public void close() {
        curator.close();
    }
}
