package io.samsa.clients.producer.internals;

import io.samsa.clients.producer.RecordMetadata;
import io.samsa.common.Cluster;
import io.samsa.common.PartitionInfo;
import io.samsa.common.utils.Murmur2;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

/**
 * The producer's default partitioning for one topic, with Kafka 3.9's rules (KIP-794). A record
 * with a key goes to {@code toPositive(murmur2(keyBytes)) % partitionCount}, exactly as Kafka's
 * producer sends it, so keys land in the same partitions whichever client wrote them. Records
 * without a key (or every record, with {@code partitioner.ignore.keys}) stick to one partition
 * until {@code batch.size} bytes have been appended to it, then move to another one chosen at
 * random: uniformly among the partitions that have a leader, or, with adaptive partitioning,
 * weighted towards partitions with shorter queues. Sticking fills whole batches instead of
 * sending one small batch per partition per linger.
 *
 * <p>Thread-safe. Application threads append keyless records concurrently, so the accumulator
 * follows a three-step protocol for them:
 * <ol>
 * <li>{@link #current(Cluster)} names the sticky partition; the accumulator locks that
 *     partition's queue;</li>
 * <li>under the lock, {@link #isCurrent(StickyPartition)} checks that no other thread switched
 *     partitions meanwhile (if it did, start again);</li>
 * <li>after appending, still under the lock, {@link #appended(StickyPartition, int, Cluster, boolean)}
 *     counts the bytes and switches partitions once enough went to this one.</li>
 * </ol>
 * The sender thread reports queue lengths through {@link #updateLoad(int[], int[], int)}.
 *
 * <p>Simplified compared with Kafka: this class does not measure broker latency. With
 * {@code partitioner.availability.timeout.ms} set, it is the accumulator that decides which
 * partitions' leaders are too slow (Kafka compares, per broker, the time its batches were ready
 * with the time they were last drained) and leaves them out of the load it reports here.
 */
public final class BuiltInPartitioner {

    private final String topic;
    private final int stickyBatchSize;
    private final boolean adaptive;
    private final IntSupplier random;
    private final AtomicReference<StickyPartition> sticky = new AtomicReference<>();
    /** Written by the sender thread, read by appending threads; null means "choose uniformly". */
    private volatile QueueLoad load;

    /**
     * @param topic the topic whose partitions this chooses
     * @param stickyBatchSize bytes to append to a partition before switching ({@code batch.size})
     * @param adaptive whether {@link #updateLoad} steers the choice
     *        ({@code partitioner.adaptive.partitioning.enable})
     */
    public BuiltInPartitioner(String topic, int stickyBatchSize, boolean adaptive) {
        this(topic, stickyBatchSize, adaptive, () -> ThreadLocalRandom.current().nextInt());
    }

    /** As the public constructor, drawing random ints from {@code random} (for tests). */
    BuiltInPartitioner(String topic, int stickyBatchSize, boolean adaptive, IntSupplier random) {
        if (stickyBatchSize < 1) {
            throw new IllegalArgumentException("stickyBatchSize must be at least 1, not " + stickyBatchSize);
        }
        this.topic = Objects.requireNonNull(topic, "topic");
        this.stickyBatchSize = stickyBatchSize;
        this.adaptive = adaptive;
        this.random = random;
    }

    /**
     * Kafka's partition of a serialized key: {@code toPositive(murmur2(keyBytes)) % numPartitions}.
     *
     * @param numPartitions all the topic's partitions, with or without a leader
     */
    public static int partitionForKey(byte[] keyBytes, int numPartitions) {
        return Murmur2.toPositive(Murmur2.hash(keyBytes)) % numPartitions;
    }

    /**
     * The partition the default rule gives a record sent without one: the key's partition, or
     * {@link RecordMetadata#UNKNOWN_PARTITION} when the sticky partition decides at append time
     * (a null key, or {@code partitioner.ignore.keys=true}).
     */
    public static int partitionFor(byte[] keyBytes, boolean ignoreKeys, int numPartitions) {
        return keyBytes == null || ignoreKeys ? RecordMetadata.UNKNOWN_PARTITION : partitionForKey(keyBytes, numPartitions);
    }

    /** The topic whose partitions this chooses. */
    public String topic() {
        return topic;
    }

    /**
     * The current sticky partition, choosing one first if there is none yet.
     *
     * @param cluster a view of the cluster that knows the topic's partitions
     * @throws IllegalArgumentException if {@code cluster} knows no partition of the topic
     */
    public StickyPartition current(Cluster cluster) {
        StickyPartition now = sticky.get();
        if (now != null) {
            return now;
        }
        StickyPartition chosen = new StickyPartition(nextPartition(cluster));
        return sticky.compareAndSet(null, chosen) ? chosen : sticky.get();
    }

    /**
     * Whether {@code partition} is still the sticky one. Check under the partition's queue lock
     * before appending; false means another thread switched, so ask {@link #current} again.
     */
    public boolean isCurrent(StickyPartition partition) {
        return sticky.get() == partition;
    }

    /**
     * Counts {@code bytes} appended to the sticky partition and switches to another partition once
     * {@code batch.size} bytes went to it. Call under the partition's queue lock, after an append
     * to the partition {@link #current} returned.
     *
     * @param switchAllowed false to keep filling the partition's open batch when it is not full
     *        yet, so that a switch does not leave a small batch behind; a switch then happens
     *        anyway at twice {@code batch.size}, as in Kafka
     */
    public void appended(StickyPartition partition, int bytes, Cluster cluster, boolean switchAllowed) {
        if (partition == null || sticky.get() != partition) {
            return;
        }
        int produced = partition.produced.addAndGet(bytes);
        if (produced >= stickyBatchSize && switchAllowed || produced >= 2 * stickyBatchSize) {
            sticky.compareAndSet(partition, new StickyPartition(nextPartition(cluster)));
        }
    }

    /**
     * Reports how many batches wait in each partition's queue, so that the next switch favours
     * partitions whose leaders keep up: a partition is chosen with a weight of one more than the
     * longest queue minus its own. Ignored unless adaptive partitioning is on. Called by the
     * sender thread; the arrays are copied.
     *
     * @param partitionIds the partitions that have a leader, those that may be chosen first
     * @param queuedBatches the queue length of each, in the same order
     * @param available how many of the first entries may be chosen; the rest are left out because
     *        their leaders are slower than {@code partitioner.availability.timeout.ms}
     */
    public void updateLoad(int[] partitionIds, int[] queuedBatches, int available) {
        if (partitionIds.length != queuedBatches.length || available < 0 || available > partitionIds.length) {
            throw new IllegalArgumentException("Inconsistent load: " + partitionIds.length + " partitions, "
                    + queuedBatches.length + " queue lengths, " + available + " available");
        }
        load = adaptive ? QueueLoad.of(partitionIds, queuedBatches, available) : null;
    }

    /** Forgets the reported load: switches choose uniformly again. */
    public void clearLoad() {
        load = null;
    }

    private int nextPartition(Cluster cluster) {
        int draw = Murmur2.toPositive(random.getAsInt());
        QueueLoad weights = load;
        if (weights != null) {
            return weights.choose(draw);
        }
        List<PartitionInfo> available = cluster.availablePartitionsForTopic(topic);
        if (!available.isEmpty()) {
            return available.get(draw % available.size()).partition();
        }
        Integer count = cluster.partitionCountForTopic(topic);
        if (count == null || count == 0) {
            throw new IllegalArgumentException("The cluster metadata knows no partition of topic " + topic);
        }
        // No partition has a leader: pick any; the record waits in its queue for a leader.
        return draw % count;
    }

    /**
     * The partition keyless records are appended to now, and the bytes appended to it so far.
     * Identity matters: a new object is made for each switch, even back to the same partition.
     * Thread-safe.
     */
    public static final class StickyPartition {
        private final int partition;
        private final AtomicInteger produced = new AtomicInteger();

        StickyPartition(int partition) {
            this.partition = partition;
        }

        /** The partition number. */
        public int partition() {
            return partition;
        }

        /** Bytes appended to the partition since it became the sticky one. */
        public int producedBytes() {
            return produced.get();
        }

        @Override
        public String toString() {
            return "StickyPartition(" + partition + ", " + produced.get() + " bytes)";
        }
    }
}
