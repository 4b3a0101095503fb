package io.samsa.core.server.handlers;

import io.samsa.common.TopicPartition;
import io.samsa.zk.SamsaZkClient;

import java.util.OptionalLong;

/**
 * Where OffsetCommit v0 stores offsets and OffsetFetch v0 reads them: as Kafka in ZooKeeper mode
 * does, in ZooKeeper under {@code /consumers/<group>/offsets}, apart from {@code __consumer_offsets}
 * and without any group membership check, as the consumers of Kafka 0.8 expect. Implementations
 * are thread-safe.
 */
public interface Version0OffsetStore {

    void commit(String group, TopicPartition tp, long offset);

    OptionalLong fetch(String group, TopicPartition tp);

    /** The store in the cluster's ZooKeeper. */
    static Version0OffsetStore zooKeeper(SamsaZkClient zk) {
        return new Version0OffsetStore() {
            @Override
            public void commit(String group, TopicPartition tp, long offset) {
                zk.setConsumerOffset(group, tp, offset);
            }

            @Override
            public OptionalLong fetch(String group, TopicPartition tp) {
                return zk.consumerOffset(group, tp);
            }
        };
    }
}
