package io.samsa.clients.consumer.internals;

import io.samsa.clients.consumer.ConsumerRecord;
import io.samsa.clients.consumer.OffsetOutOfRangeException;
import io.samsa.clients.internals.ClientIoThread;
import io.samsa.clients.internals.ClientMetadata;
import io.samsa.clients.internals.ClientRequest;
import io.samsa.clients.internals.ClientResponse;
import io.samsa.clients.internals.NodeTarget;
import io.samsa.clients.internals.RequestSender;
import io.samsa.common.Cluster;
import io.samsa.common.Errors;
import io.samsa.common.Node;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.RecordDeserializationException;
import io.samsa.common.errors.TopicAuthorizationException;
import io.samsa.common.serialization.Deserializer;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.MemoryRecordsData;
import io.samsa.protocol.message.FetchRequest;
import io.samsa.protocol.message.FetchResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Sends Fetch requests, one at a time per broker, through that broker's fetch session, and turns
 * the answers into records. Pipelined as in Kafka: {@link #sendFetches} runs at the end of every
 * poll, so the next fetch travels while the application works on the records just returned; a
 * partition whose records are still buffered is left out of the next request.
 *
 * <p>Threading: everything here is owned by the application thread except {@link #arrived}, the
 * queue into which the I/O thread drops answers (then signalling the application thread's
 * {@link ApplicationThreadWaiter}). Sessions, buffers and the in-flight set change only when the
 * application thread takes answers off that queue, so a request is never built from a session
 * whose previous answer has not been read.
 */
public final class Fetcher<K, V> {

    private static final Logger log = LoggerFactory.getLogger(Fetcher.class);
    /** The highest Fetch version that still names topics (v13 names them by id). */
    private static final short MAX_VERSION = 12;
    private static final short MIN_VERSION = 4;

    private record Arrived(int node, FetchSessionHandler.Request request, Map<TopicPartition, Long> offsets,
                           ClientResponse response, Throwable error) {
    }

    private final ConsumerSettings settings;
    private final RequestSender sender;
    private final ClientMetadata metadata;
    private final SubscriptionState subscriptions;
    private final ApplicationThreadWaiter waiter;
    private final Deserializer<K> keyDeserializer;
    private final Deserializer<V> valueDeserializer;
    private final ConsumerMetrics metrics;
    private final ConcurrentLinkedQueue<Arrived> arrived = new ConcurrentLinkedQueue<>();
    private final Map<Integer, FetchSessionHandler> sessions = new HashMap<>();
    private final Set<Integer> nodesInFlight = new HashSet<>();
    private final Deque<CompletedFetch> buffered = new ArrayDeque<>();
    /** The assignment the per-partition metrics were last trimmed to. */
    private int metricsAssignmentVersion = -1;
    /** Scratch for {@link #sendFetches}, reused so that a poll with every broker busy allocates nothing. */
    private final List<TopicPartition> fetchable = new ArrayList<>();

    public Fetcher(ConsumerSettings settings, ClientIoThread io, SubscriptionState subscriptions,
                   ApplicationThreadWaiter waiter, Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer,
                   ConsumerMetrics metrics) {
        this(settings, io, io.metadata(), subscriptions, waiter, keyDeserializer, valueDeserializer, metrics);
    }

    Fetcher(ConsumerSettings settings, RequestSender sender, ClientMetadata metadata, SubscriptionState subscriptions,
            ApplicationThreadWaiter waiter, Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer,
            ConsumerMetrics metrics) {
        this.settings = settings;
        this.sender = sender;
        this.metadata = metadata;
        this.subscriptions = subscriptions;
        this.waiter = waiter;
        this.keyDeserializer = keyDeserializer;
        this.valueDeserializer = valueDeserializer;
        this.metrics = metrics;
    }

    /** Sends a fetch to every leader of a fetchable partition that has none in flight; returns how many. */
    public int sendFetches(long nowMs) {
        // Pipelined, most polls find every leader busy: the sets and maps are made only when a
        // partition may be fetched.
        Set<TopicPartition> withData = null;
        Map<Node, Map<TopicPartition, FetchSessionHandler.PartitionData>> byNode = null;
        Cluster cluster = metadata.cluster();
        fetchable.clear();
        subscriptions.fetchablePartitions(fetchable);
        for (int i = 0; i < fetchable.size(); i++) {
            TopicPartition tp = fetchable.get(i);
            Node leader = cluster.leaderFor(tp);
            if (leader != null && !leader.isEmpty() && nodesInFlight.contains(leader.id())) {
                continue;
            }
            if (withData == null) {
                withData = bufferedPartitions();
            }
            if (withData.contains(tp)) {
                continue;
            }
            if (leader == null || leader.isEmpty()) {
                metadata.requestUpdate();
                continue;
            }
            FetchPosition position = subscriptions.position(tp);
            int epoch = metadata.leaderEpoch(tp).orElse(-1);
            if (byNode == null) {
                byNode = new LinkedHashMap<>();
            }
            byNode.computeIfAbsent(leader, n -> new LinkedHashMap<>()).put(tp, new FetchSessionHandler.PartitionData(
                    position.offset(), -1, settings.maxPartitionFetchBytes(), epoch, -1));
        }
        fetchable.clear();
        if (byNode == null) {
            return 0;
        }
        byNode.forEach((node, partitions) -> send(node, partitions, nowMs));
        return byNode.size();
    }

    private Set<TopicPartition> bufferedPartitions() {
        if (buffered.isEmpty()) {
            return Set.of();
        }
        Set<TopicPartition> out = new HashSet<>();
        for (CompletedFetch f : buffered) {
            out.add(f.partition);
        }
        return out;
    }

    private void send(Node node, Map<TopicPartition, FetchSessionHandler.PartitionData> partitions, long nowMs) {
        FetchSessionHandler session = sessions.computeIfAbsent(node.id(), FetchSessionHandler::new);
        FetchSessionHandler.Request request = session.build(partitions);
        if (log.isTraceEnabled()) {
            log.trace("Fetching from node {} (session {}, epoch {}): {}, forgetting {}", node.id(), request.sessionId(),
                    request.epoch(), request.toSend(), request.toForget());
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        partitions.forEach((tp, d) -> offsets.put(tp, d.fetchOffset()));
        ClientRequest clientRequest = ClientRequest.of(ApiKeys.FETCH, MIN_VERSION, MAX_VERSION, v -> build(request, v));
        nodesInFlight.add(node.id());
        // The broker may hold the request for fetch.max.wait.ms before answering.
        int timeout = settings.requestTimeoutMs() + settings.fetchMaxWaitMs();
        sender.send(NodeTarget.node(node.id()), clientRequest, nowMs + timeout, timeout).whenComplete((response, error) -> {
            arrived.add(new Arrived(node.id(), request, offsets, response, error));
            waiter.signal();
        });
    }

    private FetchRequest build(FetchSessionHandler.Request request, short version) {
        FetchRequest r = new FetchRequest().setReplicaId(-1).setMaxWaitMs(settings.fetchMaxWaitMs())
                .setMinBytes(settings.fetchMinBytes()).setMaxBytes(settings.fetchMaxBytes())
                .setIsolationLevel((byte) (settings.readCommitted() ? 1 : 0));
        if (version >= 7) {
            r.setSessionId(request.sessionId()).setSessionEpoch(request.epoch());
        }
        if (version >= 11) {
            r.setRackId(settings.clientRack());
        }
        Map<String, List<FetchRequest.FetchPartition>> topics = new LinkedHashMap<>();
        request.toSend().forEach((tp, d) -> {
            FetchRequest.FetchPartition p = new FetchRequest.FetchPartition().setPartition(tp.partition())
                    .setFetchOffset(d.fetchOffset()).setPartitionMaxBytes(d.maxBytes());
            if (version >= 5) {
                p.setLogStartOffset(d.logStartOffset());
            }
            if (version >= 9) {
                p.setCurrentLeaderEpoch(d.currentLeaderEpoch());
            }
            topics.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(p);
        });
        List<FetchRequest.FetchTopic> list = new ArrayList<>();
        topics.forEach((t, ps) -> list.add(new FetchRequest.FetchTopic().setTopic(t).setPartitions(ps)));
        r.setTopics(list);
        if (version >= 7 && !request.toForget().isEmpty()) {
            Map<String, List<Integer>> forget = new LinkedHashMap<>();
            for (TopicPartition tp : request.toForget()) {
                forget.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(tp.partition());
            }
            List<FetchRequest.ForgottenTopic> forgotten = new ArrayList<>();
            forget.forEach((t, ps) -> forgotten.add(new FetchRequest.ForgottenTopic().setTopic(t).setPartitions(ps)));
            r.setForgottenTopicsData(forgotten);
        }
        return r;
    }

    /** Whether a fetch answer is waiting to be read or records are buffered. */
    public boolean hasAvailable() {
        if (!arrived.isEmpty()) {
            return true;
        }
        for (CompletedFetch f : buffered) {
            if (subscriptions.isFetchable(f.partition)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the answers that arrived and returns up to {@code max.poll.records} records from the
     * buffer, advancing positions past them: one list per partition, none empty, in a map that
     * nothing here keeps (so {@link io.samsa.clients.consumer.ConsumerRecords} can take it as is).
     *
     * @throws OffsetOutOfRangeException if a position is out of range and the reset policy is none
     */
    public Map<TopicPartition, List<ConsumerRecord<K, V>>> collect() {
        takeArrived();
        if (metricsAssignmentVersion != subscriptions.assignmentVersion()) {
            metricsAssignmentVersion = subscriptions.assignmentVersion();
            metrics.retainPartitions(subscriptions.assignedPartitions());
        }
        Map<TopicPartition, List<ConsumerRecord<K, V>>> out = null;
        int left = settings.maxPollRecords();
        Iterator<CompletedFetch> it = buffered.iterator();
        while (it.hasNext() && left > 0) {
            CompletedFetch fetch = it.next();
            TopicPartition tp = fetch.partition;
            if (!subscriptions.isAssigned(tp) || !subscriptions.hasValidPosition(tp)
                    || subscriptions.position(tp).offset() != fetch.nextFetchOffset()) {
                // Revoked, reset or sought since the fetch was sent.
                fetch.drain();
                it.remove();
                continue;
            }
            if (!subscriptions.isFetchable(tp)) {
                continue; // paused: keep the records for resume
            }
            List<ConsumerRecord<K, V>> records = out == null ? null : out.get(tp);
            boolean fresh = records == null;
            if (fresh) {
                records = new ArrayList<>();
            }
            int added;
            try {
                added = fetch.fetchRecords(keyDeserializer, valueDeserializer, left, records);
            } catch (RecordDeserializationException e) {
                if (out == null) {
                    throw e;
                }
                // Hand out what was read; the next poll throws, with nothing of its own to lose.
                break;
            }
            FetchPosition old = subscriptions.position(tp);
            FetchPosition next = new FetchPosition(fetch.nextFetchOffset(),
                    fetch.lastEpoch().isPresent() ? fetch.lastEpoch() : old.offsetEpoch(), old.currentLeaderEpoch());
            subscriptions.advance(tp, next);
            metrics.recordPosition(tp, subscriptions.lagOrMin(tp, settings.readCommitted()), subscriptions.leadOrMin(tp));
            if (added > 0) {
                if (fresh) {
                    if (out == null) {
                        out = new LinkedHashMap<>();
                    }
                    out.put(tp, records);
                }
                left -= added;
            }
            if (fetch.isConsumed()) {
                fetch.drain();
                it.remove();
            }
        }
        return out == null ? Map.of() : out;
    }

    private void takeArrived() {
        Arrived a;
        while ((a = arrived.poll()) != null) {
            nodesInFlight.remove(a.node());
            FetchSessionHandler session = sessions.get(a.node());
            if (a.error() != null) {
                log.debug("Fetch from node {} failed: {}", a.node(), a.error().toString());
                if (session != null) {
                    session.handleError();
                }
                metadata.requestUpdate();
                continue;
            }
            FetchResponse response = a.response().bodyAs();
            Errors error = Errors.forCode(response.errorCode());
            if (session != null && !session.handleResponse(a.request(), error, response.sessionId())) {
                log.debug("Fetch session error from node {}: {}", a.node(), error);
                continue;
            }
            metrics.recordFetchLatency(a.response().latencyMs(), a.response().receivedMs());
            FetchResponseTally tally = new FetchResponseTally(metrics);
            for (FetchResponse.FetchableTopicResponse topic : response.responses()) {
                for (FetchResponse.PartitionData p : topic.partitions()) {
                    TopicPartition tp = new TopicPartition(topic.topic(), p.partitionIndex());
                    Long offset = a.offsets().get(tp);
                    if (offset != null) {
                        tally.expectPartition();
                        CompletedFetch fetch = handlePartition(tp, offset, p, tally);
                        if (fetch == null) {
                            tally.partitionDone(0, 0);
                        }
                    }
                }
            }
            tally.responseRead();
        }
    }

    /** Buffers the partition's records, or handles its error; returns the buffered fetch, if any. */
    private CompletedFetch handlePartition(TopicPartition tp, long fetchOffset, FetchResponse.PartitionData p,
                                           FetchResponseTally tally) {
        if (!subscriptions.isAssigned(tp) || !subscriptions.hasValidPosition(tp)
                || subscriptions.position(tp).offset() != fetchOffset) {
            return null;
        }
        Errors error = Errors.forCode(p.errorCode());
        if (log.isTraceEnabled()) {
            log.trace("Fetch of {} at offset {} answered {}: {} bytes, high watermark {}", tp, fetchOffset, error,
                    p.records() == null ? 0 : p.records().sizeInBytes(), p.highWatermark());
        }
        switch (error) {
            case NONE -> {
                subscriptions.updateWatermarks(tp, p.highWatermark(), p.logStartOffset(), p.lastStableOffset());
                CompletedFetch fetch = new CompletedFetch(tp, fetchOffset, MemoryRecordsData.bufferOf(p.records()),
                        p.abortedTransactions(), settings.checkCrcs(), settings.readCommitted(), tally);
                buffered.add(fetch);
                return fetch;
            }
            case OFFSET_OUT_OF_RANGE -> {
                if (!subscriptions.requestDefaultReset(tp)) {
                    throw new OffsetOutOfRangeException("Fetch position " + fetchOffset + " is out of range for partition "
                            + tp, Map.of(tp, fetchOffset));
                }
                log.info("Fetch position {} is out of range for {}, resetting offset", fetchOffset, tp);
            }
            case TOPIC_AUTHORIZATION_FAILED -> throw new TopicAuthorizationException("Not authorized to read " + tp.topic());
            case FENCED_LEADER_EPOCH, UNKNOWN_LEADER_EPOCH, NOT_LEADER_OR_FOLLOWER, LEADER_NOT_AVAILABLE,
                 UNKNOWN_TOPIC_OR_PARTITION, UNKNOWN_TOPIC_ID, KAFKA_STORAGE_ERROR, OFFSET_NOT_AVAILABLE,
                 INCONSISTENT_TOPIC_ID -> {
                log.debug("Fetch of {} answered {}; refreshing metadata", tp, error);
                metadata.requestUpdate();
            }
            default -> log.warn("Unexpected error {} fetching {}", error, tp);
        }
        return null;
    }

    /** Drops buffered records of partitions no longer assigned (after a rebalance or assign). */
    public void clearBufferedDataForUnassigned() {
        buffered.removeIf(f -> dropIf(f, !subscriptions.isAssigned(f.partition)));
    }

    /** Buffered records of {@code tp} are dropped (a seek). */
    public void clearBuffered(TopicPartition tp) {
        buffered.removeIf(f -> dropIf(f, f.partition.equals(tp)));
    }

    private static boolean dropIf(CompletedFetch fetch, boolean drop) {
        if (drop) {
            fetch.drain();
        }
        return drop;
    }
}
