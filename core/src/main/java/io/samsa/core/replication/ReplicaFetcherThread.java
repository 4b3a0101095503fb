package io.samsa.core.replication;

import io.samsa.common.Errors;
import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import io.samsa.common.Uuid;
import io.samsa.core.log.EpochEntry;
import io.samsa.core.log.LeaderEpochFileCache;
import io.samsa.core.log.ListOffsetsTimestamps;
import io.samsa.core.log.Log;
import io.samsa.core.log.LogAppendInfo;
import io.samsa.core.log.StorageException;
import io.samsa.protocol.MemoryRecordsData;
import io.samsa.protocol.message.FetchRequest;
import io.samsa.protocol.message.FetchResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Fetches a set of partitions from one leader, all in one Fetch per round — in a fetch session, so
 * a round names only the partitions whose position moved — and appends what comes back to the
 * local logs: the follower side of replication. A partition whose log diverged from
 * the leader's (the answer names a diverging epoch) is truncated to where the two agree; one that
 * fell off the leader's log (OFFSET_OUT_OF_RANGE) restarts at the leader's log start, or — after
 * an unclean election — truncates to the leader's end. Errors that pass (a leader that does not
 * know its new epoch yet, a lost connection) back off for {@code replica.fetch.backoff.ms}; a fenced
 * epoch drops the partition until the controller says what to follow.
 *
 * <p>Thread-safety: the partition map is guarded by a lock that the thread also holds while it
 * processes an answer, so once {@link #removePartitions} returns, nothing more is appended to those
 * partitions. The fetch itself runs without the lock.
 */
final class ReplicaFetcherThread extends Thread {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaFetcherThread.class);

    private final ReplicaManager replicaManager;
    private final ReplicationConfig config;
    private final Time time;
    private final int localBrokerId;
    private final LeaderEndpoint leader;
    private final FollowerFetchSession session = new FollowerFetchSession();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition partitionsChanged = lock.newCondition();
    private final Map<TopicPartition, PartitionFetchState> states = new LinkedHashMap<>();
    /**
     * How far each partition trailed the leader's high watermark at its last fetch (Kafka's fetcher
     * lag, behind MaxLag): written by this thread, read by metric scrapes.
     */
    private final Map<TopicPartition, Long> lags = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private boolean connectionWarned;

    ReplicaFetcherThread(String name, ReplicaManager replicaManager, ReplicationConfig config, Time time, BrokerEndPoint leader) {
        super(name);
        setDaemon(true);
        this.replicaManager = replicaManager;
        this.config = config;
        this.time = time;
        this.localBrokerId = replicaManager.brokerId();
        this.leader = new LeaderEndpoint(leader, localBrokerId, config.socketTimeoutMs());
    }

    BrokerEndPoint leader() {
        return leader.leader();
    }

    void addPartitions(Map<TopicPartition, InitialFetchState> initial) {
        lock.lock();
        try {
            initial.forEach((tp, s) -> {
                Partition p = replicaManager.partitionOrNull(tp);
                int lastEpoch = p == null ? -1 : p.latestEpoch();
                states.put(tp, new PartitionFetchState(s.topicId(), s.fetchOffset(), s.leaderEpoch(), lastEpoch, 0L));
            });
            partitionsChanged.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void removePartitions(Collection<TopicPartition> tps) {
        lock.lock();
        try {
            states.keySet().removeAll(tps);
            lags.keySet().removeAll(tps);
        } finally {
            lock.unlock();
        }
    }

    int partitionCount() {
        lock.lock();
        try {
            return states.size();
        } finally {
            lock.unlock();
        }
    }

    /** The next offset this thread will fetch for {@code tp}, or -1 if it does not fetch it. */
    long fetchOffset(TopicPartition tp) {
        lock.lock();
        try {
            PartitionFetchState s = states.get(tp);
            return s == null ? -1L : s.fetchOffset();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the thread, cutting short a fetch in flight by closing its connection, and waits for
     * it to end. Never interrupts: an interrupt during a log write would close the log's file.
     */
    void shutdown() {
        running = false;
        lock.lock();
        try {
            partitionsChanged.signalAll();
        } finally {
            lock.unlock();
        }
        leader.close();
        try {
            join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        LOG.info("Fetching from broker {} at {}:{}", leader().id(), leader().host(), leader().port());
        try {
            while (running) {
                Map<TopicPartition, PartitionFetchState> round = readyPartitions();
                if (round == null) {
                    continue;
                }
                fetchOnce(round);
            }
        } catch (InterruptedException e) {
            // Stopping.
        } finally {
            leader.close();
        }
    }

    /** The partitions ready to fetch, or null after waiting for some to become ready. */
    private Map<TopicPartition, PartitionFetchState> readyPartitions() throws InterruptedException {
        lock.lock();
        try {
            long now = time.milliseconds();
            Map<TopicPartition, PartitionFetchState> ready = new LinkedHashMap<>();
            long nextReady = Long.MAX_VALUE;
            for (Map.Entry<TopicPartition, PartitionFetchState> e : states.entrySet()) {
                if (e.getValue().isReady(now)) {
                    ready.put(e.getKey(), e.getValue());
                } else {
                    nextReady = Math.min(nextReady, e.getValue().delayedUntilMs());
                }
            }
            if (!ready.isEmpty()) {
                return ready;
            }
            long waitMs = nextReady == Long.MAX_VALUE ? config.fetchBackoffMs() : Math.max(1L, nextReady - now);
            partitionsChanged.await(waitMs, TimeUnit.MILLISECONDS);
            return null;
        } finally {
            lock.unlock();
        }
    }

    private void fetchOnce(Map<TopicPartition, PartitionFetchState> round) {
        short version = LeaderEndpoint.FETCH_VERSION;
        Map<TopicPartition, FollowerFetchSession.PartitionData> next = new LinkedHashMap<>();
        Map<TopicPartition, Uuid> topicIds = new HashMap<>();
        for (Map.Entry<TopicPartition, PartitionFetchState> e : round.entrySet()) {
            PartitionFetchState s = e.getValue();
            if (s.topicId() == null || s.topicId().equals(Uuid.ZERO)) {
                version = LeaderEndpoint.FETCH_VERSION_BY_NAME;
            }
            Partition p = replicaManager.partitionOrNull(e.getKey());
            next.put(e.getKey(), new FollowerFetchSession.PartitionData(s.topicId(), s.fetchOffset(), s.currentLeaderEpoch(),
                    s.lastFetchedEpoch(), p == null ? -1L : p.log().logStartOffset(), config.fetchMaxBytes()));
            topicIds.put(e.getKey(), s.topicId());
        }
        FollowerFetchSession.Plan plan = session.plan(next, version);
        FetchResponse response;
        try {
            response = leader.fetch(request(plan), version);
            connectionWarned = false;
        } catch (IOException | RuntimeException e) {
            session.onFailure();
            if (running) {
                if (!connectionWarned) {
                    LOG.warn("Fetch from broker {} at {}:{} failed ({}); backing off", leader().id(), leader().host(), leader().port(),
                            e.toString());
                    connectionWarned = true;
                }
                delay(round.keySet());
            }
            return;
        }
        Errors error = Errors.forCode(response.errorCode());
        session.onResponse(plan, error, response.sessionId());
        if (FollowerFetchSession.isSessionError(error)) {
            LOG.debug("Broker {} answered {}; the next fetch opens a new session", leader().id(), error);
            return;
        }
        if (error != Errors.NONE) {
            LOG.warn("Broker {} answered a fetch with {}; backing off", leader().id(), error);
            delay(round.keySet());
            return;
        }
        process(round, answersByPartition(topicIds, response, version));
    }

    private FetchRequest request(FollowerFetchSession.Plan plan) {
        short version = plan.version();
        FetchRequest request = new FetchRequest()
                .setMaxWaitMs(config.fetchWaitMaxMs())
                .setMinBytes(config.fetchMinBytes())
                .setMaxBytes(config.fetchResponseMaxBytes())
                .setIsolationLevel((byte) 0)
                .setSessionId(plan.sessionId())
                .setSessionEpoch(plan.epoch());
        if (version >= 15) {
            request.setReplicaState(new FetchRequest.ReplicaState().setReplicaId(localBrokerId).setReplicaEpoch(-1L));
        } else {
            request.setReplicaId(localBrokerId);
        }
        Map<String, FetchRequest.FetchTopic> topics = new LinkedHashMap<>();
        plan.toSend().forEach((tp, d) -> {
            FetchRequest.FetchTopic topic = topics.computeIfAbsent(tp.topic(), name -> {
                FetchRequest.FetchTopic t = new FetchRequest.FetchTopic();
                if (version >= 13) {
                    t.setTopicId(d.topicId());
                } else {
                    t.setTopic(name);
                }
                request.topics().add(t);
                return t;
            });
            topic.partitions().add(new FetchRequest.FetchPartition()
                    .setPartition(tp.partition())
                    .setCurrentLeaderEpoch(d.currentLeaderEpoch())
                    .setFetchOffset(d.fetchOffset())
                    .setLastFetchedEpoch(d.lastFetchedEpoch())
                    .setLogStartOffset(d.logStartOffset())
                    .setPartitionMaxBytes(d.maxBytes()));
        });
        Map<String, FetchRequest.ForgottenTopic> forgotten = new LinkedHashMap<>();
        for (TopicPartition tp : plan.toForget()) {
            forgotten.computeIfAbsent(tp.topic(), name -> {
                FetchRequest.ForgottenTopic t = new FetchRequest.ForgottenTopic();
                if (version >= 13) {
                    t.setTopicId(session.topicIdOf(tp));
                } else {
                    t.setTopic(name);
                }
                request.forgottenTopicsData().add(t);
                return t;
            }).partitions().add(tp.partition());
        }
        return request;
    }

    private static Map<TopicPartition, FetchResponse.PartitionData> answersByPartition(Map<TopicPartition, Uuid> topicIds,
                                                                                     FetchResponse response, short version) {
        Map<Uuid, String> names = new HashMap<>();
        topicIds.forEach((tp, id) -> names.put(id, tp.topic()));
        Map<TopicPartition, FetchResponse.PartitionData> answers = new HashMap<>();
        for (FetchResponse.FetchableTopicResponse t : response.responses()) {
            String name = version >= 13 ? names.get(t.topicId()) : t.topic();
            if (name == null) {
                continue;
            }
            for (FetchResponse.PartitionData p : t.partitions()) {
                answers.put(new TopicPartition(name, p.partitionIndex()), p);
            }
        }
        return answers;
    }

    private void process(Map<TopicPartition, PartitionFetchState> round, Map<TopicPartition, FetchResponse.PartitionData> answers) {
        lock.lock();
        try {
            round.forEach((tp, sent) -> {
                FetchResponse.PartitionData answer = answers.get(tp);
                PartitionFetchState current = states.get(tp);
                // Removed or restarted (a new epoch, a truncation) while the fetch was out: the answer is stale.
                if (answer == null || current == null || current.fetchOffset() != sent.fetchOffset()
                        || current.currentLeaderEpoch() != sent.currentLeaderEpoch()) {
                    return;
                }
                Partition p = replicaManager.partitionOrNull(tp);
                if (p == null || p.isLeader()) {
                    forget(tp);
                    return;
                }
                try {
                    processPartition(tp, current, p, answer);
                } catch (StorageException e) {
                    forget(tp);
                    replicaManager.onStorageError(p, e);
                } catch (RuntimeException e) {
                    markFailed(tp, e);
                }
            });
        } finally {
            lock.unlock();
        }
    }

    private void processPartition(TopicPartition tp, PartitionFetchState state, Partition p, FetchResponse.PartitionData answer) {
        Errors error = Errors.forCode(answer.errorCode());
        switch (error) {
            case NONE -> {
                FetchResponse.EpochEndOffset diverging = answer.divergingEpoch();
                if (diverging != null && diverging.epoch() >= 0) {
                    truncateOnDivergence(tp, state, p, diverging);
                } else {
                    append(tp, state, p, answer);
                }
            }
            case OFFSET_OUT_OF_RANGE -> handleOutOfRange(tp, state, p);
            case FENCED_LEADER_EPOCH -> {
                LOG.info("Stopped fetching {}: broker {} leads it at a later epoch than {}; waiting for the controller", tp,
                        leader().id(), state.currentLeaderEpoch());
                forget(tp);
            }
            default -> {
                // UNKNOWN_LEADER_EPOCH (the leader has not applied our epoch yet), NOT_LEADER_OR_FOLLOWER, ...
                LOG.debug("Broker {} answered {} for {}; backing off", leader().id(), error, tp);
                states.put(tp, state.delayedUntil(time.milliseconds() + config.fetchBackoffMs()));
            }
        }
    }

    private void append(TopicPartition tp, PartitionFetchState state, Partition p, FetchResponse.PartitionData answer) {
        ByteBuffer records = MemoryRecordsData.bufferOf(answer.records());
        LogAppendInfo info = p.appendAsFollower(records == null ? ByteBuffer.allocate(0) : records.duplicate(),
                answer.highWatermark(), answer.logStartOffset());
        if (info.error() != Errors.NONE) {
            throw new IllegalStateException("Could not append the leader's records at offset " + state.fetchOffset() + ": "
                    + info.error() + " " + info.errorMessage());
        }
        Log log = p.log();
        states.put(tp, state.at(log.logEndOffset(), log.latestEpoch()));
        lags.put(tp, Math.max(0L, answer.highWatermark() - log.logEndOffset()));
    }

    /** Stops tracking a partition this thread no longer fetches. Caller holds the lock. */
    private void forget(TopicPartition tp) {
        states.remove(tp);
        lags.remove(tp);
    }

    /** The largest lag among this thread's partitions, in records (0 with none). */
    long maxLag() {
        long max = 0;
        for (long lag : lags.values()) {
            max = Math.max(max, lag);
        }
        return max;
    }

    /**
     * Cuts the log back to where it agrees with the leader's: the end of the diverging epoch as
     * the leader has it, or — if this log does not have that epoch — the end of its own largest
     * epoch below it (the next fetch then asks again with that epoch).
     */
    private void truncateOnDivergence(TopicPartition tp, PartitionFetchState state, Partition p, FetchResponse.EpochEndOffset diverging) {
        Log log = p.log();
        long end = log.logEndOffset();
        EpochEntry local = log.leaderEpochCache().endOffsetFor(diverging.epoch(), end);
        long target;
        if (local.startOffset() == LeaderEpochFileCache.UNDEFINED_EPOCH_OFFSET) {
            target = Math.min(diverging.endOffset(), end);
        } else if (local.epoch() != diverging.epoch()) {
            target = Math.min(local.startOffset(), end);
        } else {
            target = Math.min(Math.min(diverging.endOffset(), local.startOffset()), end);
        }
        LOG.info("Truncating {} to offset {}: the leader's epoch {} ends at {}, this log's end was {}", tp, target,
                diverging.epoch(), diverging.endOffset(), end);
        log.truncateTo(target);
        states.put(tp, state.at(log.logEndOffset(), log.latestEpoch()));
    }

    /**
     * The fetch offset is outside the leader's log. Past its end only after an unclean election
     * (this log has records the leader never had): truncate to its end. Before its start (it
     * deleted the records): start empty at its log start.
     */
    private void handleOutOfRange(TopicPartition tp, PartitionFetchState state, Partition p) {
        Log log = p.log();
        try {
            long leaderEnd = leader.listOffset(tp, state.currentLeaderEpoch(), ListOffsetsTimestamps.LATEST);
            long end = log.logEndOffset();
            if (leaderEnd < end) {
                LOG.warn("Truncating {} from {} to the leader's log end {}: records the leader never had are lost "
                        + "(an unclean leader election)", tp, end, leaderEnd);
                log.truncateTo(leaderEnd);
            } else {
                long leaderStart = leader.listOffset(tp, state.currentLeaderEpoch(), ListOffsetsTimestamps.EARLIEST);
                if (leaderStart > end) {
                    LOG.info("Restarting {} at the leader's log start {} (this log ended at {})", tp, leaderStart, end);
                    log.truncateFullyAndStartAt(leaderStart);
                }
            }
            states.put(tp, state.at(log.logEndOffset(), log.latestEpoch()));
        } catch (LeaderEndpoint.LeaderErrorException e) {
            if (e.error() == Errors.FENCED_LEADER_EPOCH) {
                forget(tp);
            } else {
                states.put(tp, state.delayedUntil(time.milliseconds() + config.fetchBackoffMs()));
            }
        } catch (IOException e) {
            states.put(tp, state.delayedUntil(time.milliseconds() + config.fetchBackoffMs()));
        }
    }

    private void delay(Collection<TopicPartition> tps) {
        lock.lock();
        try {
            long until = time.milliseconds() + config.fetchBackoffMs();
            for (TopicPartition tp : tps) {
                states.computeIfPresent(tp, (k, s) -> s.delayedUntil(until));
            }
        } finally {
            lock.unlock();
        }
    }

    /** A partition this replica cannot go on with (a disk error, records it cannot take) stops until the controller moves it. */
    private void markFailed(TopicPartition tp, RuntimeException e) {
        forget(tp);
        LOG.error("Stopped fetching {} from broker {}: {}", tp, leader().id(), e.getMessage(), e);
    }
}
