package io.samsa.clients.producer.internals;

import io.samsa.clients.internals.ClientIoThread;
import io.samsa.clients.internals.ClientMetadata;
import io.samsa.clients.internals.ClientRequest;
import io.samsa.clients.internals.ClientResponse;
import io.samsa.clients.internals.ExponentialBackoff;
import io.samsa.clients.internals.NetworkClient;
import io.samsa.common.Cluster;
import io.samsa.common.Errors;
import io.samsa.common.Node;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.TimeoutException;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.MemoryRecordsData;
import io.samsa.protocol.message.InitProducerIdRequest;
import io.samsa.protocol.message.InitProducerIdResponse;
import io.samsa.protocol.message.ProduceRequest;
import io.samsa.protocol.message.ProduceResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The producer's work on the I/O thread: obtains a producer id when idempotent, asks the
 * accumulator which leaders have batches ready, sends one Produce request per leader, and settles
 * each batch from the answer — acknowledged, retried (after {@code retry.backoff.ms}, within
 * {@code delivery.timeout.ms}), or failed. I/O thread only.
 */
public final class Sender implements ClientIoThread.Participant {

    private static final Logger log = LoggerFactory.getLogger(Sender.class);
    /** Record batch v2 needs Produce v3 or later. */
    private static final short MIN_PRODUCE_VERSION = 3;

    private final RecordAccumulator accumulator;
    private final ClientMetadata metadata;
    private final NetworkClient network;
    private final BatchSequencer sequencer;
    private final IdempotentSequencer idempotence;
    private final ProducerSettings settings;
    private final ExponentialBackoff initBackoff;
    private final Map<Integer, List<ProducerBatch>> inFlightByNode = new HashMap<>();
    private boolean initInFlight;
    private int initFailures;
    private long nextInitMs;
    private volatile RuntimeException fatalError;

    private final ProducerMetrics metrics;

    public Sender(RecordAccumulator accumulator, ClientMetadata metadata, NetworkClient network, ProducerSettings settings,
                  ProducerMetrics metrics) {
        this.metrics = metrics;
        this.accumulator = accumulator;
        this.metadata = metadata;
        this.network = network;
        this.settings = settings;
        this.idempotence = settings.idempotent() ? new IdempotentSequencer(settings.maxInFlightPerConnection()) : null;
        this.sequencer = idempotence != null ? idempotence : new PlainSequencer(settings.maxInFlightPerConnection() == 1);
        this.initBackoff = new ExponentialBackoff(settings.retryBackoffMs(), settings.retryBackoffMaxMs());
    }

    /** The error that stopped the producer for good (the broker refused it a producer id), or null. */
    public RuntimeException fatalError() {
        return fatalError;
    }

    /** Whether batches were drained and not yet answered. */
    public boolean hasInFlight() {
        for (List<ProducerBatch> l : inFlightByNode.values()) {
            if (!l.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public long poll(long nowMs) {
        failExpired(nowMs);
        if (fatalError != null) {
            failAllQueued(fatalError);
            return Long.MAX_VALUE;
        }
        if (idempotence != null && !idempotence.hasProducerId() && !idempotence.tryBumpEpoch()) {
            return maybeInitProducerId(nowMs);
        }
        Cluster cluster = metadata.cluster();
        RecordAccumulator.ReadyCheck ready = accumulator.ready(cluster, nowMs);
        if (!ready.unknownLeaderTopics().isEmpty()) {
            metadata.addTopics(ready.unknownLeaderTopics());
            metadata.requestUpdate();
        }
        long next = ready.nextReadyCheckDelayMs();
        Set<Node> nodes = new HashSet<>();
        for (Node n : ready.readyNodes()) {
            if (network.ready(n, nowMs)) {
                nodes.add(n);
            } else {
                next = Math.min(next, Math.max(1, network.connectionDelayMs(n, nowMs)));
            }
        }
        if (nodes.isEmpty()) {
            return next;
        }
        Map<Integer, List<ProducerBatch>> drained = accumulator.drain(cluster, nodes, settings.maxRequestSize(), nowMs, sequencer);
        for (Map.Entry<Integer, List<ProducerBatch>> e : drained.entrySet()) {
            send(cluster.nodeById(e.getKey()), e.getValue(), nowMs);
        }
        return next;
    }

    private long maybeInitProducerId(long nowMs) {
        if (initInFlight || idempotence.inFlight() > 0 || hasInFlight()) {
            return Long.MAX_VALUE;
        }
        if (nowMs < nextInitMs) {
            return nextInitMs - nowMs;
        }
        Node node = network.leastLoadedNode(metadata.cluster().nodes(), nowMs);
        if (node == null || !network.ready(node, nowMs)) {
            return settings.retryBackoffMs();
        }
        InitProducerIdRequest body = new InitProducerIdRequest().setTransactionalId(null)
                .setTransactionTimeoutMs(settings.transactionTimeoutMs()).setProducerId(-1L).setProducerEpoch((short) -1);
        initInFlight = true;
        network.send(node, ClientRequest.of(body), nowMs, settings.requestTimeoutMs()).whenComplete((r, e) -> {
            initInFlight = false;
            long now = r != null ? r.receivedMs() : nowMs;
            if (e != null) {
                retryInit(now, e.toString());
                return;
            }
            InitProducerIdResponse resp = r.bodyAs();
            Errors error = Errors.forCode(resp.errorCode());
            if (error == Errors.NONE) {
                idempotence.setProducerId(resp.producerId(), resp.producerEpoch());
                initFailures = 0;
                log.debug("Producer id {} epoch {}", resp.producerId(), resp.producerEpoch());
            } else if (error.retriable()) {
                retryInit(now, error.name());
            } else {
                fatalError = error.exception("InitProducerId failed");
            }
        });
        return Long.MAX_VALUE;
    }

    private void retryInit(long nowMs, String why) {
        initFailures++;
        nextInitMs = nowMs + initBackoff.backoffMs(initFailures);
        metadata.requestUpdate();
        log.debug("InitProducerId failed ({}); retrying", why);
    }

    private void send(Node node, List<ProducerBatch> batches, long nowMs) {
        Map<String, ProduceRequest.TopicProduceData> topics = new LinkedHashMap<>();
        Map<TopicPartition, ProducerBatch> byPartition = new HashMap<>();
        int records = 0;
        for (ProducerBatch b : batches) {
            records += b.recordCount();
            metrics.batchSent(b, nowMs);
            ProduceRequest.TopicProduceData t = topics.computeIfAbsent(b.tp.topic(),
                    name -> new ProduceRequest.TopicProduceData().setName(name));
            t.partitionData().add(new ProduceRequest.PartitionProduceData().setIndex(b.tp.partition())
                    .setRecords(new MemoryRecordsData(b.records().buffer())));
            byPartition.put(b.tp, b);
        }
        ProduceRequest body = new ProduceRequest().setTransactionalId(null).setAcks(settings.acks())
                .setTimeoutMs(settings.requestTimeoutMs()).setTopicData(new ArrayList<>(topics.values()));
        ClientRequest request = ClientRequest.of(ApiKeys.PRODUCE, MIN_PRODUCE_VERSION, ApiKeys.PRODUCE.latestVersion(), v -> body);
        if (settings.acks() == 0) {
            request = request.withoutResponse();
        }
        metrics.requestSent(records, nowMs);
        inFlightByNode.computeIfAbsent(node.id(), k -> new ArrayList<>()).addAll(batches);
        boolean expectResponse = request.expectResponse();
        network.send(node, request, nowMs, settings.requestTimeoutMs()).whenComplete((r, e) -> {
            List<ProducerBatch> inFlight = inFlightByNode.get(node.id());
            if (inFlight != null) {
                inFlight.removeAll(batches);
            }
            long now = r != null ? r.receivedMs() : nowMs;
            if (e != null) {
                for (ProducerBatch b : batches) {
                    settle(b, Errors.NETWORK_EXCEPTION, -1, -1, e.getMessage(), now);
                }
                metadata.requestUpdate();
            } else if (!expectResponse) {
                for (ProducerBatch b : batches) {
                    settle(b, Errors.NONE, -1, -1, null, now);
                }
            } else {
                metrics.requestAnswered(node.id(), r.latencyMs(), now);
                handleResponse(r, byPartition, now);
            }
        });
    }

    private void handleResponse(ClientResponse r, Map<TopicPartition, ProducerBatch> byPartition, long nowMs) {
        ProduceResponse response = r.bodyAs();
        for (ProduceResponse.TopicProduceResponse t : response.responses()) {
            for (ProduceResponse.PartitionProduceResponse p : t.partitionResponses()) {
                ProducerBatch b = byPartition.remove(new TopicPartition(t.name(), p.index()));
                if (b != null) {
                    settle(b, Errors.forCode(p.errorCode()), p.baseOffset(), p.logAppendTimeMs(), p.errorMessage(), nowMs);
                }
            }
        }
        for (ProducerBatch b : byPartition.values()) {
            settle(b, Errors.UNKNOWN_SERVER_ERROR, -1, -1, "The broker's answer left this partition out", nowMs);
        }
    }

    /** Decides a batch's fate from its partition's answer. */
    private void settle(ProducerBatch b, Errors error, long baseOffset, long logAppendTime, String message, long nowMs) {
        if (b.isDone()) {
            return; // failed by a forced close while in flight: its buffer may already serve another batch
        }
        if (error == Errors.NONE || error == Errors.DUPLICATE_SEQUENCE_NUMBER) {
            sequencer.onAcknowledged(b);
            complete(b, baseOffset, logAppendTime, null);
            return;
        }
        if (error == Errors.NOT_LEADER_OR_FOLLOWER || error == Errors.UNKNOWN_TOPIC_OR_PARTITION
                || error == Errors.LEADER_NOT_AVAILABLE || error == Errors.KAFKA_STORAGE_ERROR
                || error == Errors.NETWORK_EXCEPTION || error == Errors.REQUEST_TIMED_OUT) {
            metadata.requestUpdate();
        }
        boolean retriable = error.retriable();
        if (idempotence != null) {
            if (error == Errors.UNKNOWN_PRODUCER_ID || error == Errors.INVALID_PRODUCER_EPOCH) {
                // The broker lost or fenced our producer state: take a new id and resend under it.
                idempotence.requestReset();
                retriable = true;
            } else if (error == Errors.OUT_OF_ORDER_SEQUENCE_NUMBER) {
                retriable = idempotence.isAfterUnacknowledgedBatch(b);
            }
        }
        boolean canRetry = retriable && b.attempts <= settings.retries() && !accumulator.isDeliveryExpired(b, nowMs);
        if (canRetry) {
            log.debug("Retrying {} after {}", b, error);
            metrics.retried(b.tp.topic(), b.recordCount());
            sequencer.onRetry(b);
            if (idempotence != null && idempotence.isResetRequested()) {
                b.resetSequence();
            }
            accumulator.reenqueue(b, nowMs);
            return;
        }
        sequencer.onFailed(b);
        RuntimeException ex = accumulator.isDeliveryExpired(b, nowMs) && retriable
                ? new TimeoutException("Expiring " + b.recordCount() + " record(s) for " + b.tp + ": "
                        + (nowMs - b.createdMs) + " ms has passed since batch creation (last error: " + error + ")")
                : error.exception(message);
        complete(b, -1, -1, ex);
    }

    private void complete(ProducerBatch b, long baseOffset, long logAppendTime, RuntimeException error) {
        if (error != null && !b.isDone()) {
            metrics.failed(b.tp.topic(), b.recordCount());
        }
        if (b.complete(baseOffset, logAppendTime, error)) {
            accumulator.deallocate(b);
        }
    }

    private void failExpired(long nowMs) {
        for (ProducerBatch b : accumulator.expiredBatches(nowMs)) {
            sequencer.onFailed(b);
            complete(b, -1, -1, new TimeoutException("Expiring " + b.recordCount() + " record(s) for " + b.tp + ": "
                    + (nowMs - b.createdMs) + " ms has passed since batch creation"));
        }
    }

    private void failAllQueued(RuntimeException cause) {
        for (ProducerBatch b : accumulator.drainAll()) {
            complete(b, -1, -1, cause);
        }
    }

    /** A forced close: every batch, queued or in flight, fails with {@code cause}. */
    public void abortAll(RuntimeException cause) {
        failAllQueued(cause);
        for (List<ProducerBatch> l : inFlightByNode.values()) {
            for (ProducerBatch b : new ArrayList<>(l)) {
                complete(b, -1, -1, cause);
            }
        }
        inFlightByNode.clear();
    }
}
