package io.samsa.core.replication;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.core.network.BrokerConnection;
import io.samsa.protocol.ApiMessage;
import io.samsa.protocol.message.FetchRequest;
import io.samsa.protocol.message.FetchResponse;
import io.samsa.protocol.message.ListOffsetsRequest;
import io.samsa.protocol.message.ListOffsetsResponse;

import java.io.IOException;

/**
 * A follower's connection to one leader: Fetch and ListOffsets as replica {@code localBrokerId},
 * one call at a time, (re)connecting on demand. A failed call drops the connection so the next one
 * starts afresh. Not thread-safe: it belongs to one fetcher thread.
 */
final class LeaderEndpoint implements AutoCloseable {

    /** Fetch v16: topic ids (v13), the replica in replica_state (v15), diverging epochs (v12). */
    static final short FETCH_VERSION = 16;
    /** Name-based Fetch for topics without an id (written before topic ids existed). */
    static final short FETCH_VERSION_BY_NAME = 12;
    private static final short LIST_OFFSETS_VERSION = 7;

    private final BrokerEndPoint leader;
    private final int localBrokerId;
    private final int socketTimeoutMs;
    // Closed by another thread to unblock a fetch when the fetcher stops.
    private volatile BrokerConnection connection;

    LeaderEndpoint(BrokerEndPoint leader, int localBrokerId, int socketTimeoutMs) {
        this.leader = leader;
        this.localBrokerId = localBrokerId;
        this.socketTimeoutMs = socketTimeoutMs;
    }

    BrokerEndPoint leader() {
        return leader;
    }

    FetchResponse fetch(FetchRequest request, short version) throws IOException {
        return send(request, version);
    }

    /**
     * The leader's log end (timestamp -1) or log start (-2) offset of {@code tp}, as this replica
     * sees it (the whole log, not only the committed part).
     *
     * @throws LeaderErrorException if the leader answers with an error for the partition
     */
    long listOffset(TopicPartition tp, int currentLeaderEpoch, long timestamp) throws IOException, LeaderErrorException {
        ListOffsetsRequest.ListOffsetsTopic topic = new ListOffsetsRequest.ListOffsetsTopic().setName(tp.topic());
        topic.partitions().add(new ListOffsetsRequest.ListOffsetsPartition().setPartitionIndex(tp.partition())
                .setCurrentLeaderEpoch(currentLeaderEpoch).setTimestamp(timestamp));
        ListOffsetsRequest request = new ListOffsetsRequest().setReplicaId(localBrokerId);
        request.topics().add(topic);
        ListOffsetsResponse response = send(request, LIST_OFFSETS_VERSION);
        for (ListOffsetsResponse.ListOffsetsTopicResponse t : response.topics()) {
            for (ListOffsetsResponse.ListOffsetsPartitionResponse p : t.partitions()) {
                if (t.name().equals(tp.topic()) && p.partitionIndex() == tp.partition()) {
                    Errors error = Errors.forCode(p.errorCode());
                    if (error != Errors.NONE) {
                        throw new LeaderErrorException(error);
                    }
                    return p.offset();
                }
            }
        }
        throw new IOException("Leader " + leader.id() + " did not answer ListOffsets for " + tp);
    }

    private <R extends ApiMessage> R send(ApiMessage request, short version) throws IOException {
        try {
            if (connection == null) {
                connection = new BrokerConnection(leader.host(), leader.port(), "replica-fetcher-" + localBrokerId, socketTimeoutMs);
            }
            return connection.send(request, version);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        BrokerConnection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // A broken socket has nothing more to report.
            }
        }
    }

    /** The leader answered a partition with an error. */
    static final class LeaderErrorException extends Exception {

        private final Errors error;

        LeaderErrorException(Errors error) {
            super(error.name());
            this.error = error;
        }

        Errors error() {
            return error;
        }
    }
}
