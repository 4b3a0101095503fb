package io.samsa.core.server.admin;

import io.samsa.common.Errors;
import io.samsa.core.coordinator.group.OffsetsTopic;
import io.samsa.core.server.metadata.MetadataCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Creates {@code __consumer_offsets} the first time a client looks for a group coordinator,
 * through the same ZooKeeper path as CreateTopics: {@code offsets.topic.num.partitions}
 * partitions, {@code offsets.topic.replication.factor} replicas, compacted. When the cluster
 * cannot host that replication factor (fewer live brokers), lookups answer
 * COORDINATOR_NOT_AVAILABLE and the broker says — once — which setting to change, instead of
 * leaving consumers hanging silently as Kafka does.
 * Thread-safe.
 */
public final class OffsetsTopicCreator {

    private static final Logger log = LoggerFactory.getLogger(OffsetsTopicCreator.class);
    static final String REPLICATION_FACTOR_KEY = "offsets.topic.replication.factor";

    private final AdminManager admin;
    private final MetadataCache metadata;
    private final int partitions;
    private final short replicationFactor;
    private final Map<String, String> topicConfigs;
    private final AtomicBoolean warnedTooFewBrokers = new AtomicBoolean();
    private final AtomicBoolean warnedFailure = new AtomicBoolean();

    public OffsetsTopicCreator(AdminManager admin, MetadataCache metadata, int partitions, short replicationFactor, int segmentBytes) {
        this.admin = admin;
        this.metadata = metadata;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.topicConfigs = Map.of("cleanup.policy", "compact", "segment.bytes", Integer.toString(segmentBytes),
                "compression.type", "producer");
    }

    /**
     * True when the topic exists in this broker's metadata. Otherwise asks for its creation (when
     * the cluster can host it) and returns false: the caller answers COORDINATOR_NOT_AVAILABLE and
     * the client retries.
     */
    public boolean ensureExists() {
        MetadataCache.Snapshot snap = metadata.snapshot();
        if (snap.topic(OffsetsTopic.NAME).isPresent()) {
            return true;
        }
        int live = snap.brokers().size();
        if (replicationFactor > live) {
            if (warnedTooFewBrokers.compareAndSet(false, true)) {
                log.warn("Number of alive brokers '{}' does not meet the required replication factor '{}' for the offsets topic "
                        + "(configured via '{}'); group coordinator lookups answer COORDINATOR_NOT_AVAILABLE until enough brokers "
                        + "are up. For a smaller cluster set {}={} in server.properties.", live, replicationFactor,
                        REPLICATION_FACTOR_KEY, REPLICATION_FACTOR_KEY, Math.max(1, live));
            }
            return false;
        }
        AdminManager.CreateResult r = admin.createTopic(new AdminManager.NewTopic(OffsetsTopic.NAME, partitions, replicationFactor,
                Map.of(), topicConfigs), false);
        Errors error = r.error().error();
        if (error == Errors.NONE) {
            log.info("Created {} with {} partitions and replication factor {}", OffsetsTopic.NAME, partitions, replicationFactor);
        } else if (error != Errors.TOPIC_ALREADY_EXISTS && warnedFailure.compareAndSet(false, true)) {
            log.warn("Could not create {}: {} {}", OffsetsTopic.NAME, error, r.error().message());
        }
        return false;
    }
}
