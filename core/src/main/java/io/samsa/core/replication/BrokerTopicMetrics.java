package io.samsa.core.replication;

import com.codahale.metrics.Meter;
import io.samsa.common.Errors;
import io.samsa.core.metrics.BrokerMetrics;
import io.samsa.core.metrics.KafkaMetricName;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Kafka's {@code kafka.server:type=BrokerTopicMetrics} meters, for all topics (no tag) and per topic
 * ({@code topic=<name>}, created on a topic's first use and removed when its last partition leaves
 * this broker). Marked once per partition of a request, never per record; a topic's meters are
 * found with a lock-free map read and marked on LongAdders, so recording takes no lock and
 * allocates nothing. Meaning as in Kafka: produce counts are taken where partitions are appended
 * to, a produce or fetch "fails" only on an unexpected error (not e.g. NOT_LEADER_OR_FOLLOWER),
 * and BytesOutPerSec counts what consumers are sent, not followers. Thread-safe.
 */
public final class BrokerTopicMetrics {

    private static final String GROUP = "kafka.server";
    private static final String TYPE = "BrokerTopicMetrics";

    /** One set of meters: for all topics or for one. Immutable. */
    public static final class Meters {
        final Meter messagesIn;
        final Meter bytesIn;
        final Meter bytesOut;
        final Meter bytesRejected;
        final Meter failedProduce;
        final Meter failedFetch;
        final Meter totalProduce;
        final Meter totalFetch;
        private final KafkaMetricName[] names;

        private Meters(BrokerMetrics metrics, String topic) {
            names = new KafkaMetricName[] {
                name("MessagesInPerSec", topic), name("BytesInPerSec", topic), name("BytesOutPerSec", topic),
                name("BytesRejectedPerSec", topic), name("FailedProduceRequestsPerSec", topic),
                name("FailedFetchRequestsPerSec", topic), name("TotalProduceRequestsPerSec", topic),
                name("TotalFetchRequestsPerSec", topic)};
            messagesIn = metrics.meter(names[0]);
            bytesIn = metrics.meter(names[1]);
            bytesOut = metrics.meter(names[2]);
            bytesRejected = metrics.meter(names[3]);
            failedProduce = metrics.meter(names[4]);
            failedFetch = metrics.meter(names[5]);
            totalProduce = metrics.meter(names[6]);
            totalFetch = metrics.meter(names[7]);
        }

        private static KafkaMetricName name(String name, String topic) {
            KafkaMetricName n = KafkaMetricName.of(GROUP, TYPE, name);
            return topic == null ? n : n.withTag("topic", topic);
        }

        public long messagesIn() {
            return messagesIn.getCount();
        }

        public long bytesIn() {
            return bytesIn.getCount();
        }

        public long bytesOut() {
            return bytesOut.getCount();
        }

        public long totalProduceRequests() {
            return totalProduce.getCount();
        }

        public long failedProduceRequests() {
            return failedProduce.getCount();
        }

        public long totalFetchRequests() {
            return totalFetch.getCount();
        }

        public long failedFetchRequests() {
            return failedFetch.getCount();
        }

        public long bytesRejected() {
            return bytesRejected.getCount();
        }
    }

    private final BrokerMetrics metrics;
    private final Meters allTopics;
    private final ConcurrentMap<String, Meters> topics = new ConcurrentHashMap<>();

    public BrokerTopicMetrics(BrokerMetrics metrics) {
        this.metrics = metrics;
        this.allTopics = new Meters(metrics, null);
    }

    public Meters allTopics() {
        return allTopics;
    }

    /** The topic's meters, created on first use. */
    public Meters topic(String topic) {
        Meters m = topics.get(topic);
        return m != null ? m : topics.computeIfAbsent(topic, t -> new Meters(metrics, t));
    }

    /** Drops the topic's meters (its last partition left this broker); a later use creates them anew. */
    public void removeTopic(String topic) {
        Meters m = topics.remove(topic);
        if (m != null) {
            for (KafkaMetricName n : m.names) {
                metrics.remove(n);
            }
        }
    }

    /**
     * One partition of a produce request was appended to (or refused): {@code records} appended of
     * {@code bytes} sent. Kafka counts a refused oversized batch as rejected bytes, and only errors
     * that are not a client's ordinary business as failed requests.
     */
    void recordProduce(String topic, Errors error, long records, int bytes) {
        Meters t = topic(topic);
        t.totalProduce.mark();
        allTopics.totalProduce.mark();
        if (error == Errors.NONE) {
            t.bytesIn.mark(bytes);
            allTopics.bytesIn.mark(bytes);
            t.messagesIn.mark(records);
            allTopics.messagesIn.mark(records);
        } else if (error == Errors.MESSAGE_TOO_LARGE) {
            t.bytesRejected.mark(bytes);
            allTopics.bytesRejected.mark(bytes);
        } else if (!expectedProduceError(error)) {
            t.failedProduce.mark();
            allTopics.failedProduce.mark();
        }
    }

    /** One partition of a fetch was read (a consumer's or a follower's). */
    void recordFetch(String topic, Errors error) {
        Meters t = topic(topic);
        t.totalFetch.mark();
        allTopics.totalFetch.mark();
        if (error != Errors.NONE && !expectedFetchError(error)) {
            t.failedFetch.mark();
            allTopics.failedFetch.mark();
        }
    }

    /** {@code bytes} of the topic's records are on their way to a consumer. */
    public void recordBytesOut(String topic, long bytes) {
        topic(topic).bytesOut.mark(bytes);
        allTopics.bytesOut.mark(bytes);
    }

    /** The errors Kafka's ReplicaManager does not count as a failed produce. */
    private static boolean expectedProduceError(Errors e) {
        return switch (e) {
            case UNKNOWN_TOPIC_OR_PARTITION, NOT_LEADER_OR_FOLLOWER, MESSAGE_TOO_LARGE, RECORD_LIST_TOO_LARGE, CORRUPT_MESSAGE,
                 KAFKA_STORAGE_ERROR -> true;
            default -> false;
        };
    }

    /** The errors Kafka's ReplicaManager does not count as a failed fetch. */
    private static boolean expectedFetchError(Errors e) {
        return switch (e) {
            case UNKNOWN_TOPIC_OR_PARTITION, NOT_LEADER_OR_FOLLOWER, UNKNOWN_LEADER_EPOCH, FENCED_LEADER_EPOCH, REPLICA_NOT_AVAILABLE,
                 KAFKA_STORAGE_ERROR, OFFSET_OUT_OF_RANGE, INCONSISTENT_TOPIC_ID -> true;
            default -> false;
        };
    }
}
