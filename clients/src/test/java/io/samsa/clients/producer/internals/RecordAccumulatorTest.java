package io.samsa.clients.producer.internals;

import io.samsa.clients.producer.RecordMetadata;
import io.samsa.common.Cluster;
import io.samsa.common.MockTime;
import io.samsa.common.Node;
import io.samsa.common.PartitionInfo;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.TimeoutException;
import io.samsa.record.CompressionType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordAccumulatorTest {

    private static final Node LEADER = new Node(1, "localhost", 9092);
    private static final TopicPartition TP0 = new TopicPartition("t", 0);
    private static final TopicPartition TP1 = new TopicPartition("t", 1);
    private static final Cluster CLUSTER = new Cluster("c", List.of(LEADER), List.of(
            new PartitionInfo("t", 0, LEADER, new Node[]{LEADER}, new Node[]{LEADER}),
            new PartitionInfo("t", 1, LEADER, new Node[]{LEADER}, new Node[]{LEADER})), Set.of(), Set.of());

    private final MockTime time = new MockTime();

    private RecordAccumulator accumulator(int batchSize, long lingerMs, long memory) {
        return new RecordAccumulator(batchSize, CompressionType.NONE, Integer.MIN_VALUE, lingerMs, 100, 120_000, memory, time);
    }

    private static final BatchSequencer PLAIN = new PlainSequencer(false);

    @Test
    void aBatchIsReadyWhenFullOrLingeredLongEnough() {
        RecordAccumulator acc = accumulator(1024, 50, 1 << 20);
        acc.append(TP0, 0, null, new byte[10], null, null, 0, time.milliseconds());
        RecordAccumulator.ReadyCheck early = acc.ready(CLUSTER, time.milliseconds());
        assertTrue(early.readyNodes().isEmpty(), "not full and lingering");
        assertEquals(50, early.nextReadyCheckDelayMs());
        time.advance(50);
        assertEquals(Set.of(LEADER), acc.ready(CLUSTER, time.milliseconds()).readyNodes());

        RecordAccumulator full = accumulator(200, 10_000, 1 << 20);
        RecordAccumulator.AppendResult r = null;
        for (int i = 0; i < 10 && (r == null || !r.batchIsFull()); i++) {
            r = full.append(TP1, 0, null, new byte[50], null, null, 0, time.milliseconds());
        }
        assertTrue(r.batchIsFull());
        assertEquals(Set.of(LEADER), full.ready(CLUSTER, time.milliseconds()).readyNodes());
    }

    @Test
    void drainTakesOneBatchPerPartitionAndCompletesRecordsInOrder() throws Exception {
        RecordAccumulator acc = accumulator(16384, 0, 1 << 20);
        CompletableFuture<RecordMetadata> a = acc.append(TP0, 5, "k".getBytes(), "v".getBytes(), null, null, 0, 0).future();
        CompletableFuture<RecordMetadata> b = acc.append(TP0, 6, null, "w".getBytes(), null, null, 0, 0).future();
        acc.append(TP1, 7, null, "x".getBytes(), null, null, 0, 0);
        Map<Integer, List<ProducerBatch>> drained = acc.drain(CLUSTER, Set.of(LEADER), 1 << 20, 0, PLAIN);
        List<ProducerBatch> batches = drained.get(LEADER.id());
        assertEquals(2, batches.size(), "one batch for each partition");
        ProducerBatch first = batches.stream().filter(x -> x.tp.equals(TP0)).findFirst().orElseThrow();
        assertEquals(2, first.recordCount());
        first.complete(100, -1, null);
        assertEquals(100, a.get().offset());
        assertEquals(101, b.get().offset());
        assertEquals(6, b.get().timestamp());
        assertEquals(1, a.get().serializedKeySize());
        assertEquals(-1, b.get().serializedKeySize());
    }

    @Test
    void aFullBufferBlocksForMaxBlockThenTimesOut() {
        RecordAccumulator acc = accumulator(1000, 0, 1500);
        acc.append(TP0, 0, null, new byte[10], null, null, 0, 0);
        // The second partition needs another batch.size of memory, which is not there.
        assertThrows(TimeoutException.class, () -> acc.append(TP1, 0, null, new byte[10], null, null, 0, 0));
        ProducerBatch batch = acc.drain(CLUSTER, Set.of(LEADER), 1 << 20, 0, PLAIN).get(LEADER.id()).get(0);
        batch.complete(0, -1, null);
        acc.deallocate(batch);
        acc.append(TP1, 0, null, new byte[10], null, null, 0, 0);
    }

    @Test
    void retriedBatchesGoBackAheadOfNewerOnesInSequenceOrder() {
        RecordAccumulator acc = accumulator(100, 0, 1 << 20);
        IdempotentSequencer seq = new IdempotentSequencer(5);
        seq.setProducerId(7, (short) 0);
        for (int i = 0; i < 3; i++) {
            acc.append(TP0, 0, null, new byte[80], null, null, 0, 0);
        }
        ProducerBatch b0 = acc.drain(CLUSTER, Set.of(LEADER), 1 << 20, 0, seq).get(LEADER.id()).get(0);
        ProducerBatch b1 = acc.drain(CLUSTER, Set.of(LEADER), 1 << 20, 0, seq).get(LEADER.id()).get(0);
        assertEquals(0, b0.baseSequence());
        assertEquals(1, b1.baseSequence());
        seq.onRetry(b1);
        acc.reenqueue(b1, 0);
        seq.onRetry(b0);
        acc.reenqueue(b0, 0);
        time.advance(100);
        // b0 first (sequence 0), then b1, then the batch that never left.
        ProducerBatch next = acc.drain(CLUSTER, Set.of(LEADER), 1 << 20, time.milliseconds(), seq).get(LEADER.id()).get(0);
        assertEquals(0, next.baseSequence());
        assertTrue(acc.drain(CLUSTER, Set.of(LEADER), 1 << 20, time.milliseconds(), seq).isEmpty(),
                "the next retry waits until nothing of its partition is in flight");
        seq.onAcknowledged(next);
        ProducerBatch then = acc.drain(CLUSTER, Set.of(LEADER), 1 << 20, time.milliseconds(), seq).get(LEADER.id()).get(0);
        assertEquals(1, then.baseSequence());
    }

    @Test
    void queuedBatchesExpireAfterTheDeliveryTimeout() throws Exception {
        RecordAccumulator acc = accumulator(16384, 0, 1 << 20);
        CompletableFuture<RecordMetadata> f = acc.append(TP0, 0, null, new byte[1], null, null, 0, time.milliseconds()).future();
        assertTrue(acc.expiredBatches(time.milliseconds()).isEmpty());
        time.advance(120_000);
        List<ProducerBatch> expired = acc.expiredBatches(time.milliseconds());
        assertEquals(1, expired.size());
        expired.get(0).complete(-1, -1, new TimeoutException("expired"));
        ExecutionException e = assertThrows(ExecutionException.class, f::get);
        assertTrue(e.getCause() instanceof TimeoutException);
        assertFalse(acc.hasUndrained());
    }
}
