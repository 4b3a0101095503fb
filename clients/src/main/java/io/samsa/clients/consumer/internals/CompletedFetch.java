package io.samsa.clients.consumer.internals;

import io.samsa.clients.consumer.ConsumerRecord;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.SamsaException;
import io.samsa.common.errors.RecordDeserializationException;
import io.samsa.common.errors.RecordDeserializationException.DeserializationExceptionOrigin;
import io.samsa.common.header.Headers;
import io.samsa.common.header.internals.RecordHeaders;
import io.samsa.common.serialization.Deserializer;
import io.samsa.protocol.message.FetchResponse;
import io.samsa.record.BatchIterator;
import io.samsa.record.CorruptRecordException;
import io.samsa.record.MemoryRecords;
import io.samsa.record.Record;
import io.samsa.record.RecordBatch;

import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The records one fetch returned for one partition, turned into {@link ConsumerRecord}s a few at a
 * time as the application polls: batches are decompressed lazily (by {@link RecordBatch}), their
 * CRCs checked when {@code check.crcs} is on, records before the fetch offset (the head of a
 * compressed batch) skipped, control batches skipped, and under read_committed the batches of
 * aborted transactions dropped using the answer's aborted-transaction list. Not thread-safe: the
 * application thread parses it.
 */
final class CompletedFetch {

    private static final short ABORT_MARKER = 0;

    final TopicPartition partition;
    /** The position the fetch was made from; records are returned only if the position is still this. */
    final long fetchOffset;
    private final boolean checkCrcs;
    private final boolean readCommitted;
    private final BatchIterator batches;
    private final PriorityQueue<FetchResponse.AbortedTransaction> abortedTransactions;
    private final Set<Long> abortedProducerIds = new HashSet<>();
    /** Where the records and bytes returned are reported when this is drained; null without metrics (tests). */
    private final FetchResponseTally tally;
    private RecordBatch currentBatch;
    /** The current batch's leader epoch, made once per batch for every record of it. */
    private Optional<Integer> currentEpoch = Optional.empty();
    private Iterator<Record> records;
    /** A record whose key or value failed to deserialize: returned to again until a seek drops this fetch. */
    private Record undeserializable;
    private long nextFetchOffset;
    private Optional<Integer> lastEpoch = Optional.empty();
    private boolean consumed;
    private boolean drained;
    private int bytesRead;
    private int recordsRead;

    CompletedFetch(TopicPartition partition, long fetchOffset, ByteBuffer data,
                   List<FetchResponse.AbortedTransaction> aborted, boolean checkCrcs, boolean readCommitted) {
        this(partition, fetchOffset, data, aborted, checkCrcs, readCommitted, null);
    }

    CompletedFetch(TopicPartition partition, long fetchOffset, ByteBuffer data,
                   List<FetchResponse.AbortedTransaction> aborted, boolean checkCrcs, boolean readCommitted,
                   FetchResponseTally tally) {
        this.tally = tally;
        this.partition = partition;
        this.fetchOffset = fetchOffset;
        this.nextFetchOffset = fetchOffset;
        this.checkCrcs = checkCrcs;
        this.readCommitted = readCommitted;
        this.batches = MemoryRecords.readableRecords(data == null ? ByteBuffer.allocate(0) : data).batchIterator();
        this.abortedTransactions = new PriorityQueue<>(Comparator.comparingLong(FetchResponse.AbortedTransaction::firstOffset));
        if (readCommitted && aborted != null) {
            abortedTransactions.addAll(aborted);
        }
    }

    /** The offset to fetch from after the records returned so far. */
    long nextFetchOffset() {
        return nextFetchOffset;
    }

    /** The leader epoch of the last batch records were returned from. */
    Optional<Integer> lastEpoch() {
        return lastEpoch;
    }

    boolean isConsumed() {
        return consumed;
    }

    /**
     * Done with: read to the end, or dropped (revoked, sought, unassigned). Reports the records and
     * bytes returned from it to its response's tally, once.
     */
    void drain() {
        consumed = true;
        if (!drained) {
            drained = true;
            if (tally != null) {
                tally.partitionDone(bytesRead, recordsRead);
            }
        }
    }

    /**
     * Appends up to {@code max} records to {@code out}; returns how many. A record that cannot be
     * deserialized throws if it is the first of this call, leaving the position at that record (as
     * Kafka does) so the application can seek past it; after other records, the call returns them.
     */
    <K, V> int fetchRecords(Deserializer<K> keys, Deserializer<V> values, int max, List<ConsumerRecord<K, V>> out) {
        int added = 0;
        while (added < max && !consumed) {
            Record record = undeserializable != null ? undeserializable : nextRecord();
            if (record == null) {
                consumed = true;
                break;
            }
            try {
                out.add(parse(record, keys, values));
                undeserializable = null;
            } catch (RecordDeserializationException e) {
                // Kept, so that the next call throws again until the application seeks; the
                // records before it are returned first rather than lost.
                undeserializable = record;
                if (added == 0) {
                    throw e;
                }
                return added;
            }
            added++;
            nextFetchOffset = record.offset() + 1;
            recordsRead++;
            bytesRead += record.sizeInBytes();
            lastEpoch = currentEpoch;
        }
        return added;
    }

    private Record nextRecord() {
        while (true) {
            if (records != null && records.hasNext()) {
                Record r = records.next();
                if (r.offset() >= nextFetchOffset) {
                    return r;
                }
                continue;
            }
            if (currentBatch != null) {
                // Past the batch's end even if its tail was compacted away.
                nextFetchOffset = Math.max(nextFetchOffset, currentBatch.nextOffset());
                currentBatch = null;
                records = null;
            }
            if (!batches.hasNext()) {
                return null;
            }
            RecordBatch batch = batches.next();
            if (batch.nextOffset() <= nextFetchOffset) {
                continue;
            }
            if (checkCrcs) {
                try {
                    batch.ensureValid();
                } catch (CorruptRecordException e) {
                    throw new SamsaException("Record batch for partition " + partition + " at offset "
                            + batch.baseOffset() + " is corrupt", e);
                }
            }
            currentBatch = batch;
            int epoch = batch.partitionLeaderEpoch();
            currentEpoch = epoch < 0 ? Optional.empty() : Optional.of(epoch);
            if (skip(batch)) {
                records = null;
                continue;
            }
            records = batch.iterator();
        }
    }

    /** Control batches and, under read_committed, the batches of aborted transactions. */
    private boolean skip(RecordBatch batch) {
        if (readCommitted) {
            while (!abortedTransactions.isEmpty() && abortedTransactions.peek().firstOffset() <= batch.lastOffset()) {
                abortedProducerIds.add(abortedTransactions.poll().producerId());
            }
        }
        if (batch.isControlBatch()) {
            if (readCommitted && batch.isTransactional() && isAbortMarker(batch)) {
                abortedProducerIds.remove(batch.producerId());
            }
            return true;
        }
        return readCommitted && batch.isTransactional() && abortedProducerIds.contains(batch.producerId());
    }

    private static boolean isAbortMarker(RecordBatch batch) {
        Iterator<Record> it = batch.iterator();
        if (!it.hasNext()) {
            return false;
        }
        ByteBuffer key = it.next().key();
        return key != null && key.remaining() >= 4 && key.getShort(key.position() + 2) == ABORT_MARKER;
    }

    private <K, V> ConsumerRecord<K, V> parse(Record r, Deserializer<K> keys, Deserializer<V> values) {
        String topic = partition.topic();
        Headers headers = new RecordHeaders();
        for (io.samsa.record.Header h : r.headers()) {
            headers.add(h.key(), h.value());
        }
        K key = deserialize(keys, DeserializationExceptionOrigin.KEY, r, headers);
        V value = deserialize(values, DeserializationExceptionOrigin.VALUE, r, headers);
        return new ConsumerRecord<>(topic, partition.partition(), r.offset(), r.timestamp(),
                currentBatch.timestampType(), r.keySize(), r.valueSize(), key, value, headers, currentEpoch);
    }

    private <T> T deserialize(Deserializer<T> deserializer, DeserializationExceptionOrigin origin, Record r, Headers headers) {
        ByteBuffer data = origin == DeserializationExceptionOrigin.KEY ? r.key() : r.value();
        try {
            return deserializer.deserialize(partition.topic(), headers, data);
        } catch (RuntimeException e) {
            ByteBuffer key = r.key();
            ByteBuffer value = r.value();
            throw new RecordDeserializationException(origin, partition, r.offset(), r.timestamp(), currentBatch.timestampType(),
                    key == null ? null : key.asReadOnlyBuffer(), value == null ? null : value.asReadOnlyBuffer(), headers,
                    "Error deserializing " + origin.name().toLowerCase(Locale.ROOT) + " for partition " + partition
                            + " at offset " + r.offset() + ". If needed, please seek past the record to continue consumption.", e);
        }
    }
}
