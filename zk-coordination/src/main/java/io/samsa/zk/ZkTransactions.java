package io.samsa.zk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.curator.framework.api.transaction.CuratorTransactionResult;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.OpResult;

/**
 * ZooKeeper multi-op transactions for the stores, in particular the fenced ones: a transaction whose
 * first operation checks the version of {@code /controller_epoch}, so that it fails as a whole with
 * {@link ControllerMovedException} once another controller was elected. Thread-safe.
 */
final class ZkTransactions {

    private final SamsaZkClient zk;
    private final CuratorFramework curator;

    ZkTransactions(SamsaZkClient zk) {
        this.zk = zk;
        this.curator = zk.curator();
    }

    /**
     * The outcome of one multi-op transaction: {@link KeeperException.Code#OK} with its results, or the
     * code and index of the first operation that failed.
     */
    record MultiOutcome(KeeperException.Code code, int failedIndex, List<CuratorTransactionResult> results) {
        boolean ok() {
            return code == KeeperException.Code.OK;
        }
    }

    /** Runs one transaction of {@code check(/controller_epoch, epochZkVersion)} + {@code ops}. */
    MultiOutcome fencedMulti(int epochZkVersion, List<CuratorOp> ops) {
        List<CuratorOp> all = new ArrayList<>(ops.size() + 1);
        all.add(checkEpochOp(epochZkVersion));
        all.addAll(ops);
        MultiOutcome outcome = multi(all);
        throwIfFenced(outcome, epochZkVersion);
        return withoutCheck(outcome);
    }

    /**
     * Runs many independent fenced transactions, pipelined; each outcome's indexes and results
     * exclude the epoch check. Throws {@link ControllerMovedException} if any was fenced.
     */
    List<MultiOutcome> fencedMultiBatch(int epochZkVersion, List<List<CuratorOp>> transactions) {
        int n = transactions.size();
        MultiOutcome[] outcomes = new MultiOutcome[n];
        CountDownLatch done = new CountDownLatch(n);
        try {
            for (int i = 0; i < n; i++) {
                int index = i;
                List<CuratorOp> all = new ArrayList<>(transactions.get(i).size() + 1);
                all.add(checkEpochOp(epochZkVersion));
                all.addAll(transactions.get(i));
                curator.transaction().inBackground((c, event) -> {
                    outcomes[index] = outcomeOf(event.getResultCode(), event.getOpResults());
                    done.countDown();
                }).forOperations(all);
            }
            zk.awaitBatch(done, n + " fenced transactions");
        } catch (Exception e) {
            throw SamsaZkClient.wrap(n + " fenced transactions", e);
        }
        List<MultiOutcome> result = new ArrayList<>(n);
        for (MultiOutcome outcome : outcomes) {
            throwIfFenced(outcome, epochZkVersion);
            result.add(withoutCheck(outcome));
        }
        return result;
    }

    /** Runs one transaction; operation failures are reported in the outcome, not thrown. */
    MultiOutcome multi(List<CuratorOp> ops) {
        try {
            return new MultiOutcome(KeeperException.Code.OK, -1, curator.transaction().forOperations(ops));
        } catch (KeeperException e) {
            if (e.getResults() == null) {
                throw SamsaZkClient.wrap("run a transaction", e);
            }
            List<OpResult> raw = e.getResults();
            for (int i = 0; i < raw.size(); i++) {
                if (raw.get(i) instanceof OpResult.ErrorResult err && err.getErr() != 0) {
                    return new MultiOutcome(KeeperException.Code.get(err.getErr()), i, List.of());
                }
            }
            return new MultiOutcome(e.code(), -1, List.of());
        } catch (Exception e) {
            throw SamsaZkClient.wrap("run a transaction", e);
        }
    }

    private static MultiOutcome outcomeOf(int resultCode, List<CuratorTransactionResult> results) {
        if (resultCode == KeeperException.Code.OK.intValue()) {
            return new MultiOutcome(KeeperException.Code.OK, -1, results);
        }
        if (results != null) {
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).getError() != 0) {
                    return new MultiOutcome(KeeperException.Code.get(results.get(i).getError()), i, List.of());
                }
            }
        }
        return new MultiOutcome(KeeperException.Code.get(resultCode), -1, List.of());
    }

    private void throwIfFenced(MultiOutcome outcome, int epochZkVersion) {
        if (!outcome.ok() && outcome.failedIndex() == 0) {
            throw new ControllerMovedException("Controller epoch znode version is no longer " + epochZkVersion
                    + " (" + outcome.code() + "): another broker is controller now");
        }
        if (!outcome.ok() && outcome.failedIndex() < 0) {
            throw new ZkException("Fenced transaction failed: " + outcome.code());
        }
    }

    private static MultiOutcome withoutCheck(MultiOutcome outcome) {
        if (outcome.ok()) {
            return new MultiOutcome(outcome.code(), -1, outcome.results().subList(1, outcome.results().size()));
        }
        return new MultiOutcome(outcome.code(), outcome.failedIndex() - 1, List.of());
    }

    CuratorOp checkEpochOp(int epochZkVersion) {
        if (epochZkVersion < 0) {
            // ZooKeeper's check with version -1 matches any version: it would fence nothing.
            throw new IllegalArgumentException("A fenced write needs the controller epoch znode's version, not " + epochZkVersion);
        }
        try {
            return curator.transactionOp().check().withVersion(epochZkVersion).forPath(ControllerEpochZNode.PATH);
        } catch (Exception e) {
            throw SamsaZkClient.wrap("build a check op", e);
        }
    }

    CuratorOp createOp(String path, byte[] data, CreateMode mode) {
        try {
            return curator.transactionOp().create().withMode(mode).forPath(path, data);
        } catch (Exception e) {
            throw SamsaZkClient.wrap("build a create op", e);
        }
    }

    CuratorOp setDataOp(String path, byte[] data, int version) {
        try {
            return curator.transactionOp().setData().withVersion(version).forPath(path, data);
        } catch (Exception e) {
            throw SamsaZkClient.wrap("build a setData op", e);
        }
    }

    CuratorOp deleteOp(String path, int version) {
        try {
            return curator.transactionOp().delete().withVersion(version).forPath(path);
        } catch (Exception e) {
            throw SamsaZkClient.wrap("build a delete op", e);
        }
    }

}
