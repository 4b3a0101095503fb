package io.samsa.tools.dumplog;

import io.samsa.protocol.WireFormat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the records of Kafka's {@code __transaction_state} topic, for
 * {@code --transaction-log-decoder}, and prints them as Kafka 3.9's {@code kafka-dump-log} does: the
 * key {@code transaction_metadata::transactionalId=ID} (a key version this tool does not know,
 * {@code unknown::version=V}) and the value {@code producerId:P,producerEpoch:E,state=S,
 * partitions=[t-0,t-1],txnLastUpdateTimestamp=MS,txnTimeoutMs=MS} (the partitions sorted, where
 * Kafka prints them in hash order), or {@code <DELETE>} for a tombstone. The layouts are Kafka's published record schemas: the key is version 0 only (a
 * string); the value is version 0, or version 1 with compact strings and arrays and tagged fields.
 * Samsa's brokers have no transactions and write no such topic; the tool reads a Kafka broker's.
 * Stateless.
 */
final class TransactionLogRecords {

    /** Kafka's transaction states by id, named as Kafka prints them. */
    private static final String[] STATES = {"Empty", "Ongoing", "PrepareCommit", "PrepareAbort", "CompleteCommit",
        "CompleteAbort", "Dead", "PrepareEpochFence"};

    private TransactionLogRecords() {
    }

    /** The key as printed; reads from {@code key}'s position without moving it. */
    static String key(ByteBuffer key) {
        ByteBuffer b = key.duplicate();
        short version = b.getShort();
        if (version != 0) {
            return "unknown::version=" + version;
        }
        return "transaction_metadata::transactionalId=" + WireFormat.readString(b, false, false, "TransactionalId");
    }

    /** Whether {@link #key} names a transaction (a known key version), whose value can be read. */
    static boolean knownKey(ByteBuffer key) {
        return key.getShort(key.position()) == 0;
    }

    /**
     * The value as printed; reads from {@code value}'s position without moving it.
     *
     * @throws IllegalArgumentException for a value version this tool does not know
     */
    static String value(ByteBuffer value) {
        ByteBuffer b = value.duplicate();
        short version = b.getShort();
        if (version < 0 || version > 1) {
            throw new IllegalArgumentException("Unknown version " + version + " from the transaction log message value");
        }
        boolean flexible = version >= 1;
        long producerId = b.getLong();
        short producerEpoch = b.getShort();
        int timeoutMs = b.getInt();
        byte status = b.get();
        List<Map.Entry<String, Integer>> partitions = new ArrayList<>();
        int topics = WireFormat.readArrayLength(b, flexible, true, "TransactionPartitions");
        for (int i = 0; i < topics; i++) {
            String topic = WireFormat.readString(b, flexible, false, "Topic");
            int ids = WireFormat.readArrayLength(b, flexible, false, "PartitionIds");
            for (int j = 0; j < ids; j++) {
                partitions.add(Map.entry(topic, b.getInt()));
            }
            if (flexible) {
                WireFormat.skipTaggedFields(b);
            }
        }
        long lastUpdateMs = b.getLong();
        b.getLong(); // TransactionStartTimestampMs: Kafka's dump does not print it
        if (flexible) {
            WireFormat.skipTaggedFields(b);
        }
        String state = status >= 0 && status < STATES.length ? STATES[status] : "Unknown(" + status + ")";
        if (status == 0) {
            partitions.clear(); // Kafka keeps no partitions for an Empty transaction
        }
        partitions.sort(Map.Entry.<String, Integer>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        return "producerId:" + producerId + ",producerEpoch:" + producerEpoch + ",state=" + state + ",partitions=["
                + partitions.stream().map(e -> e.getKey() + "-" + e.getValue()).collect(Collectors.joining(","))
                + "],txnLastUpdateTimestamp=" + lastUpdateMs + ",txnTimeoutMs=" + timeoutMs;
    }
}
