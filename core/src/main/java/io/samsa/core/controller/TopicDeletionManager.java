package io.samsa.core.controller;

import io.samsa.common.TopicPartition;
import io.samsa.zk.SamsaZkClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the topics queued in {@code /admin/delete_topics}: tells every live broker to forget the
 * partitions (UpdateMetadata with leader -2), tells every replica to stop and delete its log
 * (StopReplica with delete), and once every replica broker has been told, removes the topic's
 * znodes. A replica on a dead broker holds the deletion until that broker comes back and is told
 * too (as in Kafka, deletion waits rather than leave a stray log behind). Not thread-safe: event
 * thread only.
 */
final class TopicDeletionManager {

    private static final Logger log = LoggerFactory.getLogger(TopicDeletionManager.class);

    private final ControllerContext context;
    private final SamsaZkClient zk;
    private final Consumer<String> onTopicRemoved;
    /** Topic → brokers with a replica that have not been sent StopReplica(delete) yet. */
    private final Map<String, Set<Integer>> pendingBrokers = new HashMap<>();

    /**
     * @param onTopicRemoved called after a topic's znodes are gone and it left the context
     */
    TopicDeletionManager(ControllerContext context, SamsaZkClient zk, Consumer<String> onTopicRemoved) {
        this.context = context;
        this.zk = zk;
        this.onTopicRemoved = onTopicRemoved;
    }

    /** Progresses every queued deletion as far as live brokers allow. */
    void resume(ControllerRequestBatch batch) {
        for (String topic : new ArrayList<>(context.topicsToDelete())) {
            List<TopicPartition> partitions = context.partitions(topic);
            Set<Integer> pending = pendingBrokers.get(topic);
            if (pending == null) {
                log.info("Deleting topic {} ({} partitions)", topic, partitions.size());
                List<PartitionLeaderState> deleted = new ArrayList<>();
                for (TopicPartition tp : partitions) {
                    deleted.add(context.deletionState(tp));
                }
                batch.addUpdateMetadataStates(context.liveBrokerIds(), deleted);
                pending = new TreeSet<>(context.replicaBrokers(partitions));
                pendingBrokers.put(topic, pending);
            }
            for (Integer broker : new ArrayList<>(pending)) {
                if (context.isLive(broker)) {
                    for (TopicPartition tp : partitions) {
                        if (context.replicas(tp).contains(broker)) {
                            batch.addStopReplica(broker, tp, true);
                        }
                    }
                    pending.remove(broker);
                }
            }
            if (pending.isEmpty()) {
                complete(topic);
            } else {
                log.info("Deletion of topic {} waits for brokers {} to come back", topic, pending);
            }
        }
    }

    private void complete(String topic) {
        zk.topics().deleteFenced(topic, context.epochZkVersion());
        pendingBrokers.remove(topic);
        context.removeTopic(topic);
        onTopicRemoved.accept(topic);
        log.info("Deleted topic {}", topic);
    }

    /** Forgets progress (on resignation; the next controller starts each deletion over). */
    void clear() {
        pendingBrokers.clear();
    }
}
