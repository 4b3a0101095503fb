package io.samsa.clients.consumer.internals;

/**
 * Adds up what the application took from the partitions of one fetch response, and records it
 * when the last of them is done with, as one fetch's size and record count: so
 * {@code fetch-size-avg} and {@code records-per-request-avg} are per request, as in Kafka. The
 * response holds a share of its own until all its partitions are registered, so a partition done
 * at once (an error) does not end the tally early. Application thread only.
 */
final class FetchResponseTally {

    private final ConsumerMetrics metrics;
    /** The response's own share plus one per partition not yet done. */
    private int pending = 1;
    private boolean anyPartition;
    private int bytes;
    private int records;

    FetchResponseTally(ConsumerMetrics metrics) {
        this.metrics = metrics;
    }

    /** One more partition of the response will report through {@link #partitionDone}. */
    void expectPartition() {
        pending++;
        anyPartition = true;
    }

    void partitionDone(int partitionBytes, int partitionRecords) {
        bytes += partitionBytes;
        records += partitionRecords;
        release();
    }

    /** Every partition of the response is registered. A response without partitions records nothing, as in Kafka. */
    void responseRead() {
        release();
    }

    private void release() {
        if (--pending == 0 && anyPartition) {
            metrics.recordFetched(bytes, records);
        }
    }
}
