package io.samsa.zk;

import java.util.List;
import java.util.Optional;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /controller} and {@code /controller_epoch}: who the controller is, and the atomic
 * "become controller and bump the epoch" step of an election. Thread-safe.
 */
public final class ControllerStore {

    private static final Logger log = LoggerFactory.getLogger(ControllerStore.class);

    private final SamsaZkClient zk;

    ControllerStore(SamsaZkClient zk) {
        this.zk = zk;
    }

    /** A won election: the new controller epoch and the version of {@code /controller_epoch} that fences its writes. */
    public record ControllerEpoch(int epoch, int epochZkVersion) {
    }

    /** The active controller's broker id, or -1 if there is none; the watch fires when that may have changed. */
    public int controllerId(ZkWatch watch) {
        // exists() sets the watch even when the znode is absent, so a later creation is noticed.
        Stat stat = zk.exists(ControllerZNode.PATH, watch);
        if (stat == null) {
            return -1;
        }
        byte[] data = zk.getDataOrNull(ControllerZNode.PATH, null, watch);
        return data == null ? -1 : ControllerZNode.decode(data);
    }

    public int controllerId() {
        return controllerId(null);
    }

    /** The current controller epoch and its znode version, if any election happened. */
    public Optional<Versioned<Integer>> epoch() {
        Stat stat = new Stat();
        byte[] data = zk.getDataOrNull(ControllerEpochZNode.PATH, stat, null);
        return data == null ? Optional.empty() : Optional.of(new Versioned<>(ControllerEpochZNode.decode(data), stat.getVersion()));
    }

    /**
     * Tries to become controller: in one transaction, creates the ephemeral {@code /controller}
     * holding {@code brokerId} and increments {@code /controller_epoch} (created holding 0 first if
     * absent) with a version check.
     *
     * @throws ControllerMovedException if another broker is controller or won the race
     */
    public ControllerEpoch registerAndIncrementEpoch(int brokerId) {
        zk.createIfAbsent(ControllerEpochZNode.PATH, ControllerEpochZNode.encode(ControllerEpochZNode.INITIAL_EPOCH));
        Versioned<Integer> current = epoch().orElseThrow(() -> new ZkException(ControllerEpochZNode.PATH + " vanished"));
        int newEpoch = current.value() + 1;
        ZkTransactions.MultiOutcome outcome = zk.tx().multi(List.of(
                zk.tx().createOp(ControllerZNode.PATH, ControllerZNode.encode(brokerId, zk.time().milliseconds()), CreateMode.EPHEMERAL),
                zk.tx().setDataOp(ControllerEpochZNode.PATH, ControllerEpochZNode.encode(newEpoch), current.version())));
        if (outcome.ok()) {
            return new ControllerEpoch(newEpoch, current.version() + 1);
        }
        if (outcome.code() == KeeperException.Code.NODEEXISTS) {
            // A retry after connection loss may find our own, already committed, transaction.
            Stat stat = zk.exists(ControllerZNode.PATH, null);
            Optional<Versioned<Integer>> now = epoch();
            if (stat != null && stat.getEphemeralOwner() == zk.sessionId() && now.isPresent() && now.get().value() == newEpoch
                    && controllerId() == brokerId) {
                return new ControllerEpoch(newEpoch, now.get().version());
            }
            throw new ControllerMovedException("Broker " + controllerId() + " is already controller");
        }
        if (outcome.code() == KeeperException.Code.BADVERSION) {
            throw new ControllerMovedException("Another broker incremented the controller epoch first");
        }
        throw new ZkException("Controller registration failed: " + outcome.code());
    }

    /**
     * Deletes {@code /controller} if this client's session owns it (a controller stepping down on
     * shutdown, so the others elect a successor without waiting for the session to expire).
     */
    public boolean deleteIfOwned() {
        Stat stat = zk.exists(ControllerZNode.PATH, null);
        if (stat == null || !zk.isOwnSession(stat.getEphemeralOwner())) {
            return false;
        }
        try {
            zk.curator().delete().withVersion(stat.getVersion()).forPath(ControllerZNode.PATH);
            log.info("Deleted {} held by this broker", ControllerZNode.PATH);
            return true;
        } catch (KeeperException.NoNodeException | KeeperException.BadVersionException e) {
            return false;
        } catch (Exception e) {
            throw SamsaZkClient.wrap("delete " + ControllerZNode.PATH, e);
        }
    }

    /**
     * Deletes {@code /controller} if broker {@code brokerId} holds it: another broker found that
     * controller's process gone, so the election need not wait for its session to expire. Its term
     * stays fenced by the epoch all the same.
     *
     * @return true if this call deleted it
     */
    public boolean deleteIfHeldBy(int brokerId) {
        Stat stat = new Stat();
        byte[] data = zk.getDataOrNull(ControllerZNode.PATH, stat, null);
        if (data == null || ControllerZNode.decode(data) != brokerId) {
            return false;
        }
        try {
            zk.curator().delete().withVersion(stat.getVersion()).forPath(ControllerZNode.PATH);
            log.info("Deleted {} held by broker {}, whose process is gone", ControllerZNode.PATH, brokerId);
            return true;
        } catch (KeeperException.NoNodeException | KeeperException.BadVersionException e) {
            return false;
        } catch (Exception e) {
            throw SamsaZkClient.wrap("delete " + ControllerZNode.PATH, e);
        }
    }

    /** The ephemeral owner (session id) of {@code /controller}, or 0 if it does not exist. */
    long controllerOwnerSession() {
        Stat stat = zk.exists(ControllerZNode.PATH, null);
        return stat == null ? 0L : stat.getEphemeralOwner();
    }
}
