package io.samsa.core.replication;

import io.samsa.common.Time;
import io.samsa.common.TopicPartition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The follower fetchers of one broker: {@code num.replica.fetchers} threads per leader, each
 * partition always on the same one (by a hash of its name), so a leader is fetched with as few
 * requests as possible. Threads start when a partition needs them and stop when they have none
 * left. Thread-safe.
 */
final class ReplicaFetcherManager {

    private record FetcherKey(int brokerId, int fetcherId) {
    }

    private final ReplicaManager replicaManager;
    private final ReplicationConfig config;
    private final Time time;
    private final Map<FetcherKey, ReplicaFetcherThread> threads = new HashMap<>();

    ReplicaFetcherManager(ReplicaManager replicaManager, ReplicationConfig config, Time time) {
        this.replicaManager = replicaManager;
        this.config = config;
        this.time = time;
    }

    private int fetcherId(TopicPartition tp) {
        return Math.floorMod(31 * tp.topic().hashCode() + tp.partition(), config.numReplicaFetchers());
    }

    synchronized void addPartitions(Map<TopicPartition, InitialFetchState> partitions) {
        Map<FetcherKey, Map<TopicPartition, InitialFetchState>> byThread = new LinkedHashMap<>();
        partitions.forEach((tp, s) -> byThread.computeIfAbsent(new FetcherKey(s.leader().id(), fetcherId(tp)),
                k -> new LinkedHashMap<>()).put(tp, s));
        byThread.forEach((key, group) -> {
            BrokerEndPoint leader = group.values().iterator().next().leader();
            ReplicaFetcherThread thread = threads.get(key);
            if (thread != null && !thread.leader().equals(leader)) {
                // The broker moved to another address: its partitions follow the new thread.
                thread.shutdown();
                threads.remove(key);
                thread = null;
            }
            if (thread == null) {
                thread = new ReplicaFetcherThread("ReplicaFetcherThread-" + key.fetcherId() + "-" + key.brokerId(), replicaManager,
                        config, time, leader);
                threads.put(key, thread);
                thread.start();
            }
            thread.addPartitions(group);
        });
    }

    synchronized void removePartitions(Collection<TopicPartition> tps) {
        if (tps.isEmpty()) {
            return;
        }
        for (ReplicaFetcherThread thread : threads.values()) {
            thread.removePartitions(tps);
        }
        shutdownIdleThreads();
    }

    private void shutdownIdleThreads() {
        Iterator<ReplicaFetcherThread> it = threads.values().iterator();
        while (it.hasNext()) {
            ReplicaFetcherThread thread = it.next();
            if (thread.partitionCount() == 0) {
                thread.shutdown();
                it.remove();
            }
        }
    }

    /** The next offset the fetchers will fetch for {@code tp}, or -1 if none fetches it. */
    synchronized long fetchOffset(TopicPartition tp) {
        for (ReplicaFetcherThread thread : threads.values()) {
            long offset = thread.fetchOffset(tp);
            if (offset >= 0) {
                return offset;
            }
        }
        return -1L;
    }

    /** Kafka's ReplicaFetcherManager MaxLag: the most records any followed partition trails its leader by. */
    synchronized long maxLag() {
        long max = 0;
        for (ReplicaFetcherThread thread : threads.values()) {
            max = Math.max(max, thread.maxLag());
        }
        return max;
    }

    synchronized int threadCount() {
        return threads.size();
    }

    synchronized void shutdown() {
        for (ReplicaFetcherThread thread : new ArrayList<>(threads.values())) {
            thread.shutdown();
        }
        threads.clear();
    }
}
