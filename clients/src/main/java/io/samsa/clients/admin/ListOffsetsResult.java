package io.samsa.clients.admin;

import io.samsa.common.TopicPartition;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The result of {@link Admin#listOffsets}: a future per partition. Thread-safe. */
public class ListOffsetsResult {

    /** The offset found for a partition, with its record's timestamp and leader epoch. Immutable. */
    public static class ListOffsetsResultInfo {
        private final long offset;
        private final long timestamp;
        private final Optional<Integer> leaderEpoch;

        public ListOffsetsResultInfo(long offset, long timestamp, Optional<Integer> leaderEpoch) {
            this.offset = offset;
            this.timestamp = timestamp;
            this.leaderEpoch = leaderEpoch;
        }

        /** The offset, or -1 when no record matches (a timestamp after every record's). */
        public long offset() {
            return offset;
        }

        /** The timestamp of the record at the offset, or -1 when the spec was earliest or latest. */
        public long timestamp() {
            return timestamp;
        }

        public Optional<Integer> leaderEpoch() {
            return leaderEpoch;
        }

        @Override
        public String toString() {
            return "ListOffsetsResultInfo(offset=" + offset + ", timestamp=" + timestamp + ", leaderEpoch=" + leaderEpoch + ")";
        }
    }

    private final Map<TopicPartition, CompletableFuture<ListOffsetsResultInfo>> futures;

    ListOffsetsResult(Map<TopicPartition, CompletableFuture<ListOffsetsResultInfo>> futures) {
        this.futures = Collections.unmodifiableMap(futures);
    }

    public CompletableFuture<ListOffsetsResultInfo> partitionResult(TopicPartition partition) {
        CompletableFuture<ListOffsetsResultInfo> f = futures.get(partition);
        if (f == null) {
            throw new IllegalArgumentException("List offsets for partition \"" + partition + "\" was not attempted");
        }
        return f;
    }

    /** Every partition's offset; fails if any could not be listed. */
    public CompletableFuture<Map<TopicPartition, ListOffsetsResultInfo>> all() {
        return ResultFutures.values(futures);
    }
}
