package io.samsa.core.replication;

import io.samsa.common.Errors;
import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import io.samsa.core.log.EpochEntry;
import io.samsa.core.log.ListOffsetsTimestamps;
import io.samsa.core.log.Log;
import io.samsa.core.log.LogConfig;
import io.samsa.core.log.LogManager;
import io.samsa.core.log.LogMetrics;
import io.samsa.core.log.LogOffsetMetadata;
import io.samsa.core.log.Scheduler;
import io.samsa.core.log.StorageException;
import io.samsa.core.log.TimestampAndOffset;
import io.samsa.core.metrics.BrokerMetrics;
import io.samsa.core.metrics.KafkaMetricName;
import io.samsa.core.purgatory.DelayedOperationPurgatory;
import io.samsa.core.purgatory.PurgatoryMetrics;
import io.samsa.core.timer.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * The partitions this broker hosts, and the operations on them that requests need: role changes
 * from the controller (LeaderAndIsr, StopReplica), appends from producers, reads for fetches and
 * DeleteRecords. Appends, fetches and deletions answer through callbacks: what cannot be answered
 * yet (a produce with {@code acks=all} until its records are committed, a fetch until
 * {@code min_bytes} are there, DeleteRecords until every replica dropped the records) waits in a
 * purgatory, checked again whenever its partitions change and expired on the {@link Timer}.
 * Controller requests are serialized on {@code stateLock} and fenced by controller epoch; data
 * operations go straight to the partition. Thread-safe.
 */
public final class ReplicaManager {

    private static final Logger log = LoggerFactory.getLogger(ReplicaManager.class);

    private final int brokerId;
    private final LogManager logManager;
    private final Function<String, LogConfig> topicConfigs;
    private final Time time;
    private final Scheduler scheduler;
    private final ReplicationConfig config;
    private final PartitionEnv partitionEnv;
    private final ReplicaManagerMetrics replicaMetrics;
    private final BrokerTopicMetrics topicMetrics;
    private final LogMetrics logMetrics;
    private final ReplicaFetcherManager fetchers;
    private final Map<TopicPartition, Partition> partitions = new ConcurrentHashMap<>();
    /** Partitions whose log dir failed: answered KAFKA_STORAGE_ERROR until the broker restarts. */
    private final Set<TopicPartition> offlinePartitions = ConcurrentHashMap.newKeySet();
    /** Takes failed log dirs' partitions offline off the thread that hit the failure (a fetcher cannot stop itself). */
    private final ExecutorService logDirFailureHandler = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "log-dir-failure-handler");
        t.setDaemon(true);
        return t;
    });
    private final DelayedOperationPurgatory<TopicPartition, DelayedProduce> producePurgatory;
    private final DelayedOperationPurgatory<TopicPartition, DelayedFetch> fetchPurgatory;
    private final DelayedOperationPurgatory<TopicPartition, DelayedDeleteRecords> deleteRecordsPurgatory;
    private final List<LeadershipListener> leadershipListeners = new CopyOnWriteArrayList<>();
    private final Object stateLock = new Object();
    private int controllerEpoch = -1;

    /** Kafka's defaults for how many watch entries pile up before completed operations are swept. */
    private static final int PRODUCE_PURGE_INTERVAL = 1000;
    private static final int FETCH_PURGE_INTERVAL = 1000;
    private static final int DELETE_RECORDS_PURGE_INTERVAL = 1;

    private Scheduler.Task isrExpiration;

    /**
     * A replica manager for a broker that only ever leads (tests of one broker): followers are
     * never fetched from, and an ISR change has nowhere to go.
     */
    public ReplicaManager(int brokerId, LogManager logManager, Function<String, LogConfig> topicConfigs, Time time,
                          Scheduler timer) {
        this(brokerId, logManager, topicConfigs, time, timer, ReplicationConfig.defaults(),
                (tp, topicId, proposed, controllerEpoch) -> CompletableFuture.failedFuture(
                        new AlterPartitionException(Errors.NOT_CONTROLLER, "This broker has no controller to send ISR changes to")),
                id -> true);
    }

    /**
     * {@code timer} runs the purgatories' deadlines and the ISR expiration (tests give it a mock
     * clock and scheduler); ISR changes go to {@code alterPartitions}; {@code isBrokerAlive} says
     * which brokers are registered (a dead one is neither waited for nor added to an ISR).
     */
    public ReplicaManager(int brokerId, LogManager logManager, Function<String, LogConfig> topicConfigs, Time time,
                          Scheduler timer, ReplicationConfig config, AlterPartitionManager alterPartitions,
                          IntPredicate isBrokerAlive) {
        this(brokerId, logManager, topicConfigs, time, timer, config, alterPartitions, isBrokerAlive, new BrokerMetrics());
    }

    /** As above, recording Kafka's ReplicaManager and BrokerTopicMetrics metrics in {@code metrics}. */
    public ReplicaManager(int brokerId, LogManager logManager, Function<String, LogConfig> topicConfigs, Time time,
                          Scheduler timer, ReplicationConfig config, AlterPartitionManager alterPartitions,
                          IntPredicate isBrokerAlive, BrokerMetrics metrics) {
        this.brokerId = brokerId;
        this.logManager = logManager;
        this.topicConfigs = topicConfigs;
        this.time = time;
        this.scheduler = timer;
        this.config = config;
        this.replicaMetrics = new ReplicaManagerMetrics(metrics, partitions::values, () -> offlinePartitions);
        this.topicMetrics = new BrokerTopicMetrics(metrics);
        this.logMetrics = new LogMetrics(metrics);
        this.partitionEnv = new PartitionEnv(brokerId, time, config.replicaLagTimeMaxMs(), alterPartitions, isBrokerAlive,
                this::completeDelayedRequests, replicaMetrics);
        this.fetchers = new ReplicaFetcherManager(this, config, time);
        metrics.gauge(KafkaMetricName.of("kafka.server", "ReplicaFetcherManager", "MaxLag").withTag("clientId", "Replica"),
                fetchers::maxLag);
        logManager.addOfflineListener(dir -> logDirFailureHandler.execute(() -> onLogDirOffline(dir)));
        this.producePurgatory = new DelayedOperationPurgatory<>("Produce", new Timer("produce-purgatory", time, timer),
                PRODUCE_PURGE_INTERVAL);
        this.fetchPurgatory = new DelayedOperationPurgatory<>("Fetch", new Timer("fetch-purgatory", time, timer),
                FETCH_PURGE_INTERVAL);
        this.deleteRecordsPurgatory = new DelayedOperationPurgatory<>("DeleteRecords",
                new Timer("delete-records-purgatory", time, timer), DELETE_RECORDS_PURGE_INTERVAL);
        PurgatoryMetrics.register(metrics, producePurgatory);
        PurgatoryMetrics.register(metrics, fetchPurgatory);
        PurgatoryMetrics.register(metrics, deleteRecordsPurgatory);
    }

    public int brokerId() {
        return brokerId;
    }

    /** Kafka's BrokerTopicMetrics, for the fetch handler to count the bytes it sends consumers. */
    public BrokerTopicMetrics topicMetrics() {
        return topicMetrics;
    }

    /**
     * Starts checking, every half {@code replica.lag.time.max.ms}, which ISR members of the
     * partitions this broker leads have fallen behind.
     */
    public synchronized void startup() {
        long interval = Math.max(1L, config.replicaLagTimeMaxMs() / 2);
        isrExpiration = scheduler.schedule("isr-expiration", this::maybeShrinkIsrs, interval, interval);
    }

    /** Stops the follower fetchers and the ISR checks. Logs are the log manager's to close. */
    public synchronized void shutdown() {
        if (isrExpiration != null) {
            isrExpiration.cancel();
            isrExpiration = null;
        }
        fetchers.shutdown();
        logDirFailureHandler.shutdownNow();
    }

    /**
     * A log dir failed: its partitions stop fetching and serving here and answer KAFKA_STORAGE_ERROR,
     * so clients and the controller move on to other replicas, while this broker keeps serving the
     * partitions on its other dirs.
     */
    private void onLogDirOffline(File dir) {
        synchronized (stateLock) {
            List<TopicPartition> lost = new ArrayList<>();
            partitions.forEach((tp, p) -> {
                if (p.log().parentDir().getAbsoluteFile().equals(dir)) {
                    lost.add(tp);
                }
            });
            fetchers.removePartitions(lost);
            for (TopicPartition tp : lost) {
                partitions.remove(tp);
                logMetrics.remove(tp);
                offlinePartitions.add(tp);
                completeDelayedRequests(tp);
                for (LeadershipListener l : leadershipListeners) {
                    l.onResign(tp, -1);
                }
            }
            log.error("Partitions {} are offline on this broker: their log directory {} failed", lost, dir);
        }
    }

    /** The partitions offline on this broker after a log dir failure. */
    public Set<TopicPartition> offlinePartitions() {
        return Set.copyOf(offlinePartitions);
    }

    /** A storage error in {@code p}'s log: its whole log dir goes offline. */
    void onStorageError(Partition p, StorageException e) {
        logManager.markOffline(p.log().parentDir(), e);
    }

    /** The error for a partition this broker does not serve: offline after a disk failure, or simply not here. */
    private Errors absentError(TopicPartition tp) {
        return offlinePartitions.contains(tp) ? Errors.KAFKA_STORAGE_ERROR : Errors.NOT_LEADER_OR_FOLLOWER;
    }

    private void maybeShrinkIsrs() {
        for (Partition p : partitions.values()) {
            try {
                p.maybeShrinkIsr();
            } catch (RuntimeException e) {
                log.error("Could not check the ISR of {}", p.topicPartition(), e);
            }
        }
    }

    /** The follower fetchers, for tests and monitoring. */
    ReplicaFetcherManager fetcherManager() {
        return fetchers;
    }

    /**
     * Told of every role the controller applies here (e.g. the group coordinator loads the
     * {@code __consumer_offsets} partitions this broker comes to lead). Called on the thread handling
     * the controller request, under the state lock: listeners must only hand the work off.
     */
    public interface LeadershipListener {
        void onBecomeLeader(TopicPartition tp, int leaderEpoch);

        /** This broker no longer leads {@code tp}: a follower now, or the replica was stopped ({@code leaderEpoch} -1). */
        void onResign(TopicPartition tp, int leaderEpoch);
    }

    public void addLeadershipListener(LeadershipListener listener) {
        leadershipListeners.add(listener);
    }

    public Optional<Partition> partition(TopicPartition tp) {
        return Optional.ofNullable(partitions.get(tp));
    }

    Partition partitionOrNull(TopicPartition tp) {
        return partitions.get(tp);
    }

    /** The configuration of the partition's log, if this broker hosts it. */
    public Optional<LogConfig> logConfig(TopicPartition tp) {
        return partition(tp).map(p -> p.log().config());
    }

    public Collection<Partition> allPartitions() {
        return partitions.values();
    }

    /** The partitions led here with fewer in-sync replicas than min.insync.replicas (what UnderMinIsrPartitionCount counts), sorted. */
    public List<TopicPartition> underMinIsrPartitions() {
        List<TopicPartition> out = new ArrayList<>();
        for (Partition p : partitions.values()) {
            if (p.isUnderMinIsr()) {
                out.add(p.topicPartition());
            }
        }
        out.sort(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
        return out;
    }

    /**
     * LeaderAndIsr: creates logs as needed and applies each partition's role. The partitions this
     * broker comes to lead stop fetching first; those it now follows (at a new leader epoch) fetch
     * from their leader at {@code liveLeaders}, starting at their log end. Returns the error for
     * each partition, or null when the whole request is from a stale controller.
     */
    public Map<TopicPartition, Errors> becomeLeaderOrFollower(int requestControllerEpoch, List<PartitionState> states,
                                                              Map<Integer, BrokerEndPoint> liveLeaders) {
        synchronized (stateLock) {
            if (requestControllerEpoch < controllerEpoch) {
                log.warn("Ignoring LeaderAndIsr from controller epoch {}; current epoch is {}", requestControllerEpoch, controllerEpoch);
                return null;
            }
            controllerEpoch = requestControllerEpoch;
            Map<TopicPartition, Errors> result = new LinkedHashMap<>();
            Map<Partition, PartitionState> toLead = new LinkedHashMap<>();
            Map<Partition, PartitionState> toFollow = new LinkedHashMap<>();
            for (PartitionState state : states) {
                TopicPartition tp = state.topicPartition();
                if (!state.replicas().contains(brokerId)) {
                    result.put(tp, Errors.UNKNOWN_TOPIC_OR_PARTITION);
                    continue;
                }
                if (offlinePartitions.contains(tp)) {
                    result.put(tp, Errors.KAFKA_STORAGE_ERROR);
                    continue;
                }
                if (logManager.getLog(tp) == null && !state.isNew() && !logManager.offlineLogDirs().isEmpty()) {
                    // Its log may be in the failed dir: creating an empty one elsewhere would pose as an in-sync replica.
                    offlinePartitions.add(tp);
                    result.put(tp, Errors.KAFKA_STORAGE_ERROR);
                    continue;
                }
                Partition existing = partitions.get(tp);
                if (existing != null && state.leaderEpoch() < existing.leaderEpoch()) {
                    log.warn("Ignoring the state of {} at leader epoch {}: already at {}", tp, state.leaderEpoch(), existing.leaderEpoch());
                    result.put(tp, Errors.STALE_CONTROLLER_EPOCH);
                    continue;
                }
                try {
                    Partition p = partitions.computeIfAbsent(tp, k -> {
                        Partition created = new Partition(k, state.topicId(), logManager.getOrCreateLog(k, topicConfigs.apply(k.topic())),
                                partitionEnv);
                        logMetrics.add(created.log());
                        return created;
                    });
                    (state.leader() == brokerId ? toLead : toFollow).put(p, state);
                    result.put(tp, Errors.NONE);
                } catch (RuntimeException e) {
                    log.error("Could not create or load the log of {}", tp, e);
                    result.put(tp, Errors.KAFKA_STORAGE_ERROR);
                }
            }
            makeLeaders(toLead);
            makeFollowers(toFollow, liveLeaders);
            return result;
        }
    }

    private void makeLeaders(Map<Partition, PartitionState> toLead) {
        if (toLead.isEmpty()) {
            return;
        }
        // A fetch in flight must not append to a log that is now the leader's.
        List<TopicPartition> tps = new ArrayList<>();
        toLead.keySet().forEach(p -> tps.add(p.topicPartition()));
        fetchers.removePartitions(tps);
        for (Map.Entry<Partition, PartitionState> e : toLead.entrySet()) {
            Partition p = e.getKey();
            if (!p.makeLeader(e.getValue())) {
                continue;
            }
            // A produce or fetch waiting on a leader that just changed role must learn of it now.
            completeDelayedRequests(p.topicPartition());
            for (LeadershipListener l : leadershipListeners) {
                l.onBecomeLeader(p.topicPartition(), p.leaderEpoch());
            }
        }
    }

    private void makeFollowers(Map<Partition, PartitionState> toFollow, Map<Integer, BrokerEndPoint> liveLeaders) {
        if (toFollow.isEmpty()) {
            return;
        }
        Map<Partition, PartitionState> changed = new LinkedHashMap<>();
        for (Map.Entry<Partition, PartitionState> e : toFollow.entrySet()) {
            Partition p = e.getKey();
            boolean wasLeader = p.isLeader();
            if (p.makeFollower(e.getValue()) || wasLeader) {
                changed.put(p, e.getValue());
            }
        }
        List<TopicPartition> tps = new ArrayList<>();
        changed.keySet().forEach(p -> tps.add(p.topicPartition()));
        fetchers.removePartitions(tps);
        Map<TopicPartition, InitialFetchState> toFetch = new LinkedHashMap<>();
        for (Map.Entry<Partition, PartitionState> e : changed.entrySet()) {
            Partition p = e.getKey();
            TopicPartition tp = p.topicPartition();
            completeDelayedRequests(tp);
            for (LeadershipListener l : leadershipListeners) {
                l.onResign(tp, p.leaderEpoch());
            }
            BrokerEndPoint leader = liveLeaders.get(e.getValue().leader());
            if (leader == null) {
                log.warn("Not fetching {}: its leader {} is not among the live leaders the controller named", tp, e.getValue().leader());
                continue;
            }
            toFetch.put(tp, new InitialFetchState(p.topicId(), leader, p.leaderEpoch(), initialFetchOffset(p.log())));
        }
        fetchers.addPartitions(toFetch);
    }

    /**
     * Where a new follower starts: its log end, whose last epoch lets the leader tell it where it
     * diverged; a log without epochs can only trust what was committed, so it is cut back to its
     * high watermark first.
     */
    private static long initialFetchOffset(Log log) {
        if (log.latestEpoch() >= 0) {
            return log.logEndOffset();
        }
        log.truncateTo(log.highWatermark());
        return log.logEndOffset();
    }

    /** StopReplica: stops serving the partitions and, when {@code delete}, removes their data. */
    public Map<TopicPartition, Errors> stopReplicas(int requestControllerEpoch, Collection<TopicPartition> tps, boolean delete) {
        synchronized (stateLock) {
            if (requestControllerEpoch < controllerEpoch) {
                return null;
            }
            controllerEpoch = requestControllerEpoch;
            fetchers.removePartitions(tps);
            Map<TopicPartition, Errors> result = new HashMap<>();
            for (TopicPartition tp : tps) {
                offlinePartitions.remove(tp);
                Partition p = partitions.remove(tp);
                try {
                    if (delete) {
                        logMetrics.remove(tp);
                        logManager.deleteLog(tp);
                    }
                    result.put(tp, Errors.NONE);
                } catch (RuntimeException e) {
                    log.error("Could not delete the log of {}", tp, e);
                    result.put(tp, Errors.KAFKA_STORAGE_ERROR);
                }
                if (p != null) {
                    completeDelayedRequests(tp);
                    log.info("Stopped replica {}{}", tp, delete ? " and deleted its data" : "");
                    for (LeadershipListener l : leadershipListeners) {
                        l.onResign(tp, -1);
                    }
                }
            }
            if (delete) {
                removeMetricsOfTopicsGone(tps);
            }
            return result;
        }
    }

    /** A deleted topic's meters go with its last partition here, as in Kafka. */
    private void removeMetricsOfTopicsGone(Collection<TopicPartition> deleted) {
        Set<String> topics = new HashSet<>();
        for (TopicPartition tp : deleted) {
            topics.add(tp.topic());
        }
        for (TopicPartition tp : partitions.keySet()) {
            topics.remove(tp.topic());
        }
        topics.forEach(topicMetrics::removeTopic);
    }

    /**
     * Appends each partition's batches as leader and calls back with every partition's result: at
     * once for {@code acks} 0 and 1, or once the records are committed (or {@code timeoutMs} ran
     * out) for {@code acks=all}. The callback may run on another thread; the buffers are not read
     * after this method returns, so the caller may release them.
     */
    public void appendRecords(Map<TopicPartition, ByteBuffer> entries, short requiredAcks, long timeoutMs,
                              Consumer<Map<TopicPartition, AppendResult>> callback) {
        Map<TopicPartition, AppendResult> results = new LinkedHashMap<>();
        boolean anyAppended = false;
        for (Map.Entry<TopicPartition, ByteBuffer> e : entries.entrySet()) {
            AppendResult r = appendToLocalLog(e.getKey(), e.getValue(), requiredAcks);
            anyAppended |= r.error() == Errors.NONE;
            results.put(e.getKey(), r);
        }
        if (requiredAcks != ACKS_ALL || !anyAppended) {
            callback.accept(results);
            return;
        }
        DelayedProduce op = new DelayedProduce(timeoutMs, results, this::partitionOrNull, callback);
        producePurgatory.tryCompleteElseWatch(op, new ArrayList<>(entries.keySet()));
    }

    private static final short ACKS_ALL = -1;

    private AppendResult appendToLocalLog(TopicPartition tp, ByteBuffer records, short requiredAcks) {
        int bytes = records.remaining();
        AppendResult r = appendToLeader(tp, records, requiredAcks);
        // Offsets are assigned one per record, so the offset span is the record count (Kafka's numMessages).
        long appended = r.error() == Errors.NONE ? r.lastOffset() - r.baseOffset() + 1 : 0;
        topicMetrics.recordProduce(tp.topic(), r.error(), appended, bytes);
        return r;
    }

    private AppendResult appendToLeader(TopicPartition tp, ByteBuffer records, short requiredAcks) {
        Partition p = partitions.get(tp);
        if (p == null) {
            return AppendResult.error(absentError(tp), null);
        }
        AppendResult result;
        try {
            result = p.appendAsLeader(records, requiredAcks);
        } catch (StorageException e) {
            onStorageError(p, e);
            return AppendResult.error(Errors.KAFKA_STORAGE_ERROR, e.getMessage());
        }
        if (result.error() == Errors.NONE) {
            completeDelayedRequests(tp);
        }
        return result;
    }

    /** Something {@code tp}'s waiting requests depend on changed (its high watermark, its log start). */
    private void completeDelayedRequests(TopicPartition tp) {
        fetchPurgatory.checkAndComplete(tp);
        producePurgatory.checkAndComplete(tp);
        deleteRecordsPurgatory.checkAndComplete(tp);
    }

    /**
     * Reads the partitions for a fetch and calls back with one result each, in order: at once when
     * {@code minBytes} are there, the fetch may not wait, or a partition failed; otherwise when
     * enough has arrived or {@code maxWaitMs} ran out. The callback may run on another thread.
     */
    public void fetchMessages(FetchParams params, List<PartitionFetch> fetches, Consumer<List<ReadResult>> callback) {
        List<ReadResult> results = readFromLocalLog(params, fetches, true);
        // Counted on the first read only: a parked fetch read again when it completes is still one request.
        for (int i = 0; i < results.size(); i++) {
            topicMetrics.recordFetch(fetches.get(i).tp().topic(), results.get(i).error());
        }
        long bytes = 0;
        boolean answerNow = false;
        List<LogOffsetMetadata> starts = new ArrayList<>(results.size());
        for (ReadResult r : results) {
            bytes += r.sizeInBytes();
            // An error or a follower's divergence is news to deliver at once.
            answerNow |= r.error() != Errors.NONE || r.divergingEpoch() != null;
            starts.add(r.fetchOffsetMetadata());
        }
        if (!params.mayWait() || fetches.isEmpty() || bytes >= params.minBytes() || answerNow) {
            callback.accept(results);
            return;
        }
        List<TopicPartition> keys = new ArrayList<>(fetches.size());
        for (PartitionFetch f : fetches) {
            keys.add(f.tp());
        }
        fetchPurgatory.tryCompleteElseWatch(new DelayedFetch(params, fetches, starts, this, callback), keys);
    }

    /** How many fetches wait for data of {@code tp} (a purgatory size, per partition). */
    public int waitingFetches(TopicPartition tp) {
        return fetchPurgatory.watching(tp);
    }

    /**
     * Reads each partition within the fetch's byte limits. Like Kafka, the first partition that
     * returns data may exceed the limits by one batch, so a large batch never blocks a consumer.
     * A follower's first read of a fetch ({@code updateFetchState}) also tells the leader where the
     * follower's log ends; reading again when a parked fetch completes does not.
     */
    List<ReadResult> readFromLocalLog(FetchParams params, List<PartitionFetch> fetches, boolean updateFetchState) {
        List<ReadResult> results = new ArrayList<>(fetches.size());
        int budget = params.maxBytes();
        boolean first = true;
        long now = time.milliseconds();
        for (PartitionFetch f : fetches) {
            int limit = Math.max(0, Math.min(f.maxBytes(), budget));
            ReadResult r = params.isFromFollower()
                    ? readForFollower(params, f, limit, first, now, updateFetchState)
                    : read(f.tp(), f.fetchOffset(), limit, f.currentLeaderEpoch(), first);
            if (r.sizeInBytes() > 0) {
                first = false;
                budget -= r.sizeInBytes();
            }
            results.add(r);
        }
        return results;
    }

    /**
     * DeleteRecords: moves each leader partition's log start up to its offset (-1 for the high
     * watermark) and calls back once every replica has followed, or {@code timeoutMs} ran out.
     */
    public void deleteRecords(Map<TopicPartition, Long> offsets, long timeoutMs,
                              Consumer<Map<TopicPartition, DeleteRecordsResult>> callback) {
        Map<TopicPartition, DeleteRecordsResult> local = new LinkedHashMap<>();
        for (Map.Entry<TopicPartition, Long> e : offsets.entrySet()) {
            Partition p = partitions.get(e.getKey());
            DeleteRecordsResult r = p == null ? DeleteRecordsResult.error(Errors.NOT_LEADER_OR_FOLLOWER)
                    : p.deleteRecordsOnLeader(e.getValue());
            if (r.error() == Errors.NONE) {
                completeDelayedRequests(e.getKey());
            }
            local.put(e.getKey(), r);
        }
        DelayedDeleteRecords op = new DelayedDeleteRecords(timeoutMs, local, this::partitionOrNull, callback);
        deleteRecordsPurgatory.tryCompleteElseWatch(op, new ArrayList<>(offsets.keySet()));
    }

    private ReadResult readForFollower(FetchParams params, PartitionFetch f, int limit, boolean minOneMessage, long now,
                                       boolean updateFetchState) {
        Partition p = partitions.get(f.tp());
        if (p == null) {
            return ReadResult.error(absentError(f.tp()));
        }
        try {
            return p.readForFollower(params.replicaId(), params.replicaEpoch(), f, limit, minOneMessage, now, updateFetchState);
        } catch (StorageException e) {
            onStorageError(p, e);
            return ReadResult.error(Errors.KAFKA_STORAGE_ERROR);
        }
    }

    /** Reads one partition for a consumer, checking leadership and the client's leader epoch. */
    private ReadResult read(TopicPartition tp, long offset, int maxBytes, int currentLeaderEpoch, boolean minOneMessage) {
        Partition p = partitions.get(tp);
        if (p == null) {
            return ReadResult.error(absentError(tp));
        }
        Errors epochError = p.checkLeaderEpoch(currentLeaderEpoch);
        if (epochError != Errors.NONE) {
            return ReadResult.error(epochError);
        }
        try {
            return p.readAsLeader(offset, maxBytes, minOneMessage);
        } catch (StorageException e) {
            onStorageError(p, e);
            return ReadResult.error(Errors.KAFKA_STORAGE_ERROR);
        }
    }

    /**
     * ListOffsets: earliest (-2, -4), latest (-1), max timestamp (-3), or the first offset with a
     * timestamp at or after {@code timestamp}. A consumer ({@code replicaId} -1) sees only committed
     * records: latest is the high watermark, results at or past it read as "not found" (offset -1),
     * and a new leader whose high watermark has not yet reached its epoch's start answers
     * OFFSET_NOT_AVAILABLE. A follower sees the whole log; a debugging tool (-2) may ask any replica.
     */
    public OffsetLookup listOffset(TopicPartition tp, long timestamp, int currentLeaderEpoch, int replicaId) {
        Partition p = partitions.get(tp);
        if (p == null || (!p.isLeader() && replicaId != DEBUGGING_REPLICA_ID)) {
            return OffsetLookup.error(Errors.NOT_LEADER_OR_FOLLOWER);
        }
        Errors epochError = p.checkLeaderEpoch(currentLeaderEpoch);
        if (epochError != Errors.NONE) {
            return OffsetLookup.error(epochError);
        }
        Log l = p.log();
        boolean consumer = replicaId == CONSUMER_REPLICA_ID;
        long lastFetchable = consumer ? l.highWatermark() : l.logEndOffset();
        if (timestamp == ListOffsetsTimestamps.LATEST) {
            Errors notCaughtUp = consumer ? p.checkHighWatermarkCaughtUp() : Errors.NONE;
            return notCaughtUp != Errors.NONE ? OffsetLookup.error(notCaughtUp)
                    : new OffsetLookup(Errors.NONE, -1L, lastFetchable, p.leaderEpoch());
        }
        if (timestamp == ListOffsetsTimestamps.EARLIEST || timestamp == EARLIEST_LOCAL_TIMESTAMP) {
            return new OffsetLookup(Errors.NONE, -1L, l.logStartOffset(), p.leaderEpoch());
        }
        if (timestamp < 0 && timestamp != ListOffsetsTimestamps.MAX_TIMESTAMP) {
            return new OffsetLookup(Errors.NONE, -1L, -1L, -1);
        }
        TimestampAndOffset found = l.offsetForTimestamp(timestamp);
        if (found == null || found.offset() >= lastFetchable) {
            return new OffsetLookup(Errors.NONE, -1L, -1L, -1);
        }
        return new OffsetLookup(Errors.NONE, found.timestamp(), found.offset(), found.leaderEpoch());
    }

    /**
     * ListOffsets v0: {@link Log#offsetsBefore}. A consumer ({@code replicaId} -1) must not see past
     * the high watermark, so offsets beyond it give way to the high watermark itself.
     */
    public OldStyleOffsets offsetsBefore(TopicPartition tp, long timestamp, int maxNumOffsets, int replicaId) {
        Partition p = partitions.get(tp);
        // Debugging tools (replica id -2) may ask any replica; everyone else asks the leader.
        if (p == null || (!p.isLeader() && replicaId != DEBUGGING_REPLICA_ID)) {
            return new OldStyleOffsets(Errors.NOT_LEADER_OR_FOLLOWER, List.of());
        }
        Log l = p.log();
        List<Long> offsets = l.offsetsBefore(timestamp, maxNumOffsets);
        long hw = l.highWatermark();
        if (replicaId == CONSUMER_REPLICA_ID && !offsets.isEmpty() && offsets.get(0) > hw) {
            List<Long> visible = new ArrayList<>();
            visible.add(hw);
            for (long o : offsets) {
                if (o <= hw) {
                    visible.add(o);
                }
            }
            offsets = visible;
        }
        return new OldStyleOffsets(Errors.NONE, offsets);
    }

    /**
     * OffsetForLeaderEpoch: the largest epoch at most {@code leaderEpoch} this partition's log knows
     * and the offset where it ended (the log end for the current epoch), as
     * {@code [error, epoch, end offset]}. Followers use it to find where their log diverged,
     * consumers to validate a position after a leader change (KIP-320). Debugging tools (replica id
     * -2, also what versions 0-2 imply) may ask any replica; everyone else the leader.
     */
    public EpochEndOffset lastOffsetForLeaderEpoch(TopicPartition tp, int currentLeaderEpoch, int leaderEpoch, int replicaId) {
        Partition p = partitions.get(tp);
        if (p == null) {
            return EpochEndOffset.error(Errors.NOT_LEADER_OR_FOLLOWER);
        }
        Errors epochError = p.checkLeaderEpoch(currentLeaderEpoch);
        if (epochError != Errors.NONE) {
            return EpochEndOffset.error(epochError);
        }
        if (!p.isLeader() && replicaId != DEBUGGING_REPLICA_ID) {
            return EpochEndOffset.error(Errors.NOT_LEADER_OR_FOLLOWER);
        }
        Log l = p.log();
        EpochEntry end = l.leaderEpochCache().endOffsetFor(leaderEpoch, l.logEndOffset());
        return new EpochEndOffset(Errors.NONE, end.epoch(), end.startOffset());
    }

    /** The replica id of a consumer's request. */
    private static final int CONSUMER_REPLICA_ID = -1;
    /** The replica id of a debugging tool's request. */
    private static final int DEBUGGING_REPLICA_ID = -2;

    /** The answer to one ListOffsets v0 partition: offsets newest first. Immutable. */
    public record OldStyleOffsets(Errors error, List<Long> offsets) {
    }

    /** ListOffsets' -4: the earliest offset on local storage (all of it, without tiered storage). */
    private static final long EARLIEST_LOCAL_TIMESTAMP = -4L;

    /** The answer to one ListOffsets partition. Immutable. */
    public record OffsetLookup(Errors error, long timestamp, long offset, int leaderEpoch) {
        static OffsetLookup error(Errors e) {
            return new OffsetLookup(e, -1L, -1L, -1);
        }
    }

    /** The leader partition for a request, or the error to answer with. */
    public Errors leaderError(TopicPartition tp, int currentLeaderEpoch) {
        Partition p = partitions.get(tp);
        if (p == null || !p.isLeader()) {
            return Errors.NOT_LEADER_OR_FOLLOWER;
        }
        return p.checkLeaderEpoch(currentLeaderEpoch);
    }
}
