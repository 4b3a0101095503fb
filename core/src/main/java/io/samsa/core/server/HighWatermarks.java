package io.samsa.core.server;

import io.samsa.clients.admin.Admin;
import io.samsa.clients.admin.ListOffsetsResult;
import io.samsa.clients.admin.OffsetSpec;
import io.samsa.common.TopicPartition;
import io.samsa.core.coordinator.group.GroupCoordinatorMetrics;
import io.samsa.core.replication.ReplicaManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The high watermarks the group coordinator's lag gauges need: a partition with a replica here is
 * read from its log (a follower's is at most a fetch behind the leader's); any other partition is
 * asked of its leader with ListOffsets, through an admin client on this broker's own listener, for
 * as long as a gauge keeps asking for it. Those remote answers are refreshed every
 * {@link #REFRESH_MS} on a thread of their own, so a scrape never waits on the network. Thread-safe.
 */
final class HighWatermarks implements GroupCoordinatorMetrics.EndOffsets, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HighWatermarks.class);
    static final long REFRESH_MS = 2_000;
    /** A remote partition nobody asked about for this long is no longer looked up. */
    private static final long FORGET_AFTER_MS = 60_000;
    private static final long REQUEST_TIMEOUT_MS = 10_000;

    private final ReplicaManager replicaManager;
    /** This broker's own inter-broker address, known once its listeners are bound. */
    private final Supplier<String> bootstrap;
    private final String clientId;
    /** Remote partitions' last known high watermark. */
    private final Map<TopicPartition, Long> remote = new ConcurrentHashMap<>();
    /** Remote partitions asked about, with when they were last asked (nanoTime). */
    private final Map<TopicPartition, Long> asked = new ConcurrentHashMap<>();
    private final ScheduledExecutorService refresher;
    /** Made on first need; refresher thread only. */
    private Admin admin;

    HighWatermarks(ReplicaManager replicaManager, Supplier<String> bootstrap, int brokerId) {
        this.replicaManager = replicaManager;
        this.bootstrap = bootstrap;
        this.clientId = "samsa-broker-" + brokerId + "-lag";
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "samsa-lag-high-watermarks");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refreshRemote, REFRESH_MS, REFRESH_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public long highWatermark(TopicPartition tp) {
        var local = replicaManager.partition(tp);
        if (local.isPresent()) {
            return local.get().log().highWatermark();
        }
        asked.put(tp, System.nanoTime());
        return remote.getOrDefault(tp, -1L);
    }

    private void refreshRemote() {
        long now = System.nanoTime();
        asked.entrySet().removeIf(e -> now - e.getValue() > TimeUnit.MILLISECONDS.toNanos(FORGET_AFTER_MS));
        remote.keySet().retainAll(asked.keySet());
        if (asked.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        asked.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        try {
            if (admin == null) {
                admin = Admin.create(Map.of("bootstrap.servers", bootstrap.get(), "client.id", clientId,
                        "request.timeout.ms", (int) REQUEST_TIMEOUT_MS));
            }
            ListOffsetsResult result = admin.listOffsets(latest);
            for (TopicPartition tp : latest.keySet()) {
                try {
                    remote.put(tp, result.partitionResult(tp).get(REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS).offset());
                } catch (ExecutionException | TimeoutException e) {
                    // A partition without a leader now: its last known watermark stands until one answers.
                    log.debug("No high watermark for {} ({})", tp, e.toString());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.debug("Could not look up remote high watermarks", e);
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        try {
            refresher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (admin != null) {
            admin.close();
        }
    }
}
