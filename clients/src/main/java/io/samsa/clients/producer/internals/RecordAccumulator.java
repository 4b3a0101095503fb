package io.samsa.clients.producer.internals;

import io.samsa.clients.producer.Callback;
import io.samsa.clients.producer.RecordMetadata;
import io.samsa.common.Cluster;
import io.samsa.common.Node;
import io.samsa.common.Time;
import io.samsa.common.PartitionInfo;
import io.samsa.common.TopicPartition;
import io.samsa.record.CompressionType;
import io.samsa.record.Header;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where records wait to be sent: one deque of {@link ProducerBatch}es per partition, the newest
 * open for appends. Application threads append (blocking on {@code buffer.memory} when it is
 * used up); the I/O thread asks which brokers have something worth sending ({@link #ready}: a
 * full batch, one that lingered {@code linger.ms}, a flush, memory pressure) and takes at most one
 * batch per partition into each request ({@link #drain}). Thread-safe: each deque is guarded by
 * its own monitor.
 */
public final class RecordAccumulator {

    /** What an append did: the record's future, and whether the I/O thread should look now. */
    public record AppendResult(CompletableFuture<RecordMetadata> future, boolean batchIsFull, boolean newBatchCreated) {
    }

    /** Brokers with batches to send, when to look again, and topics whose leaders are unknown. */
    public record ReadyCheck(Set<Node> readyNodes, long nextReadyCheckDelayMs, Set<String> unknownLeaderTopics) {
    }

    private final int batchSize;
    private final CompressionType compression;
    private final int compressionLevel;
    private final long lingerMs;
    private final long retryBackoffMs;
    private final long deliveryTimeoutMs;
    private final BufferPool pool;
    private final ConcurrentMap<TopicPartition, Deque<ProducerBatch>> batches = new ConcurrentHashMap<>();
    /** Batches appended to and not yet completed, for flush. */
    private final Set<ProducerBatch> incomplete = Collections.newSetFromMap(new IdentityHashMap<>());
    private final AtomicInteger flushesInProgress = new AtomicInteger();
    private final AtomicInteger appendsInProgress = new AtomicInteger();
    /** Where the next drain for a node starts among its partitions, so none starves; I/O thread only. */
    private final Map<Integer, Integer> drainIndex = new HashMap<>();
    private volatile boolean closed;

    public RecordAccumulator(int batchSize, CompressionType compression, int compressionLevel, long lingerMs,
                             long retryBackoffMs, long deliveryTimeoutMs, long bufferMemory, Time time) {
        this.batchSize = batchSize;
        this.compression = compression;
        this.compressionLevel = compressionLevel;
        this.lingerMs = lingerMs;
        this.retryBackoffMs = retryBackoffMs;
        this.deliveryTimeoutMs = deliveryTimeoutMs;
        this.pool = new BufferPool(bufferMemory, batchSize, time);
    }

    /**
     * Appends a record to the partition's open batch, or to a new one once memory for it is
     * reserved (blocking up to {@code maxBlockMs}).
     */
    public AppendResult append(TopicPartition tp, long timestamp, byte[] key, byte[] value, Header[] headers, Callback callback,
                               long maxBlockMs, long nowMs) {
        appendsInProgress.incrementAndGet();
        try {
            Deque<ProducerBatch> deque = batches.computeIfAbsent(tp, k -> new ArrayDeque<>());
            synchronized (deque) {
                AppendResult r = tryAppend(deque, timestamp, key, value, headers, callback);
                if (r != null) {
                    return r;
                }
            }
            int size = Math.max(batchSize, RecordSizes.estimate(key, value, headers));
            ByteBuffer buffer = pool.allocate(size, maxBlockMs);
            boolean reservedUsed = false;
            try {
                synchronized (deque) {
                    if (closed) {
                        throw new IllegalStateException("The producer is closed");
                    }
                    AppendResult r = tryAppend(deque, timestamp, key, value, headers, callback);
                    if (r != null) {
                        return r;
                    }
                    ProducerBatch batch = new ProducerBatch(tp, compression, compressionLevel, batchSize, buffer, nowMs);
                    CompletableFuture<RecordMetadata> future = batch.tryAppend(timestamp, key, value, headers, callback);
                    deque.addLast(batch);
                    synchronized (incomplete) {
                        incomplete.add(batch);
                    }
                    reservedUsed = true;
                    return new AppendResult(future, deque.size() > 1 || batch.isFull(), true);
                }
            } finally {
                if (!reservedUsed) {
                    pool.deallocate(buffer, size);
                }
            }
        } finally {
            appendsInProgress.decrementAndGet();
        }
    }

    private static AppendResult tryAppend(Deque<ProducerBatch> deque, long timestamp, byte[] key, byte[] value, Header[] headers,
                                          Callback callback) {
        ProducerBatch last = deque.peekLast();
        if (last == null || last.isClosed()) {
            return null;
        }
        CompletableFuture<RecordMetadata> future = last.tryAppend(timestamp, key, value, headers, callback);
        if (future == null) {
            return null;
        }
        return new AppendResult(future, deque.size() > 1 || last.isFull(), false);
    }

    /** Which leaders have a batch worth sending now, and how long until another might be. */
    public ReadyCheck ready(Cluster cluster, long nowMs) {
        Set<Node> ready = new HashSet<>();
        Set<String> unknown = new HashSet<>();
        long next = Long.MAX_VALUE;
        boolean exhausted = pool.hasWaiters();
        boolean urgent = closed || flushesInProgress.get() > 0 || exhausted;
        for (Map.Entry<TopicPartition, Deque<ProducerBatch>> e : batches.entrySet()) {
            Deque<ProducerBatch> deque = e.getValue();
            ProducerBatch first;
            boolean full;
            synchronized (deque) {
                first = deque.peekFirst();
                if (first == null) {
                    continue;
                }
                full = deque.size() > 1 || first.isFull();
            }
            Node leader = cluster.leaderFor(e.getKey());
            if (leader == null) {
                unknown.add(e.getKey().topic());
                continue;
            }
            if (ready.contains(leader)) {
                continue;
            }
            long waitedMs = nowMs - (first.retry ? first.lastAttemptMs : first.createdMs);
            long timeToWait = first.retry ? retryBackoffMs : lingerMs;
            boolean backingOff = first.retry && waitedMs < retryBackoffMs;
            if ((full || waitedMs >= timeToWait || urgent) && !backingOff) {
                ready.add(leader);
            } else {
                next = Math.min(next, Math.max(1, timeToWait - waitedMs));
            }
        }
        return new ReadyCheck(ready, next, unknown);
    }

    /**
     * Takes, for each node, at most one batch per partition it leads, up to {@code maxRequestSize}
     * bytes per request (a single larger batch still goes alone). {@code sequencer} decides whether
     * a partition may send now and stamps each batch with its producer state.
     */
    public Map<Integer, List<ProducerBatch>> drain(Cluster cluster, Set<Node> nodes, int maxRequestSize, long nowMs,
                                                   BatchSequencer sequencer) {
        Map<Integer, List<ProducerBatch>> out = new HashMap<>();
        for (Node node : nodes) {
            List<PartitionInfo> parts = cluster.partitionsForNode(node.id());
            if (parts.isEmpty()) {
                continue;
            }
            List<ProducerBatch> ready = new ArrayList<>();
            int size = 0;
            int start = drainIndex.getOrDefault(node.id(), 0) % parts.size();
            int i = start;
            do {
                PartitionInfo p = parts.get(i);
                i = (i + 1) % parts.size();
                TopicPartition tp = new TopicPartition(p.topic(), p.partition());
                Deque<ProducerBatch> deque = batches.get(tp);
                if (deque == null) {
                    continue;
                }
                synchronized (deque) {
                    ProducerBatch first = deque.peekFirst();
                    if (first == null) {
                        continue;
                    }
                    if (first.retry && nowMs - first.lastAttemptMs < retryBackoffMs) {
                        continue;
                    }
                    if (!ready.isEmpty() && size + first.sizeInBytes() > maxRequestSize) {
                        break;
                    }
                    if (!sequencer.maySend(first)) {
                        continue;
                    }
                    deque.pollFirst();
                    sequencer.stamp(first);
                    first.attempts++;
                    first.lastAttemptMs = nowMs;
                    size += first.sizeInBytes();
                    ready.add(first);
                }
            } while (i != start);
            drainIndex.put(node.id(), i);
            if (!ready.isEmpty()) {
                out.put(node.id(), ready);
            }
        }
        return out;
    }

    /**
     * Puts a failed batch back to be sent again after the retry back-off, ahead of newer batches and
     * in sequence order among other retries, so an idempotent producer resends in order.
     */
    public void reenqueue(ProducerBatch batch, long nowMs) {
        batch.retry = true;
        batch.lastAttemptMs = nowMs;
        Deque<ProducerBatch> deque = batches.computeIfAbsent(batch.tp, k -> new ArrayDeque<>());
        synchronized (deque) {
            if (!batch.hasSequence()) {
                deque.addFirst(batch);
                return;
            }
            List<ProducerBatch> ahead = new ArrayList<>();
            while (!deque.isEmpty() && deque.peekFirst().hasSequence()
                    && deque.peekFirst().baseSequence() < batch.baseSequence()) {
                ahead.add(deque.pollFirst());
            }
            deque.addFirst(batch);
            for (int k = ahead.size() - 1; k >= 0; k--) {
                deque.addFirst(ahead.get(k));
            }
        }
    }

    /** Removes and returns the queued batches older than {@code delivery.timeout.ms}. */
    public List<ProducerBatch> expiredBatches(long nowMs) {
        List<ProducerBatch> expired = new ArrayList<>();
        for (Deque<ProducerBatch> deque : batches.values()) {
            synchronized (deque) {
                for (Iterator<ProducerBatch> it = deque.iterator(); it.hasNext(); ) {
                    ProducerBatch b = it.next();
                    if (nowMs - b.createdMs >= deliveryTimeoutMs) {
                        it.remove();
                        expired.add(b);
                    } else {
                        break;
                    }
                }
            }
        }
        return expired;
    }

    /** Releases a completed batch's memory and forgets it. */
    public void deallocate(ProducerBatch batch) {
        synchronized (incomplete) {
            if (incomplete.remove(batch)) {
                pool.deallocate(batch.buffer(), batch.reservedBytes());
            }
        }
    }

    public boolean isDeliveryExpired(ProducerBatch batch, long nowMs) {
        return nowMs - batch.createdMs >= deliveryTimeoutMs;
    }

    /** Makes every batch sendable now, until {@link #awaitFlushCompletion} returns. */
    public void beginFlush() {
        flushesInProgress.incrementAndGet();
    }

    /** Waits for every batch appended before the flush began to complete. */
    public void awaitFlushCompletion() throws InterruptedException {
        try {
            List<ProducerBatch> pending;
            synchronized (incomplete) {
                pending = new ArrayList<>(incomplete);
            }
            for (ProducerBatch b : pending) {
                b.awaitCompletion();
            }
        } finally {
            flushesInProgress.decrementAndGet();
        }
    }

    public boolean hasIncomplete() {
        synchronized (incomplete) {
            return !incomplete.isEmpty();
        }
    }

    /** Whether any batch still waits in a deque. */
    public boolean hasUndrained() {
        for (Deque<ProducerBatch> deque : batches.values()) {
            synchronized (deque) {
                if (!deque.isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    public boolean appendsInProgress() {
        return appendsInProgress.get() > 0;
    }

    /** No appends from now on; what is queued is still sent. */
    public void close() {
        closed = true;
        pool.close();
    }

    /** Fails every queued batch (a forced close). */
    public List<ProducerBatch> drainAll() {
        List<ProducerBatch> all = new ArrayList<>();
        for (Deque<ProducerBatch> deque : batches.values()) {
            synchronized (deque) {
                all.addAll(deque);
                deque.clear();
            }
        }
        return all;
    }

    public long availableMemory() {
        return pool.availableBytes();
    }
}
