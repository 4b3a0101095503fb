package io.samsa.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One benchmark workload: which of Kafka's perf tools drives it, against which topic, with how
 * many records of what size and which producer settings. Immutable.
 *
 * @param id            W1..W5 and W4R3, as in the issues
 * @param title         one line for the table
 * @param kind          the tool that runs it
 * @param topic         the topic it writes or reads
 * @param partitions    partitions of {@code topic}, created before the workload
 * @param records       records produced, consumed or round-tripped
 * @param recordSize    bytes of value per record (0 for a consume workload)
 * @param producerProps producer settings besides bootstrap.servers, in command-line order
 * @param brokers       brokers in the cluster it runs on (1, or 3 for the replicated workloads)
 * @param replicationFactor replicas of {@code topic}
 * @param topicConfigs  configs of {@code topic} (min.insync.replicas for the replicated ones)
 */
public record Workload(String id, String title, Kind kind, String topic, int partitions, long records,
                       int recordSize, Map<String, String> producerProps, int brokers, int replicationFactor,
                       Map<String, String> topicConfigs) {

    /** A workload on one broker, its topic with one replica. */
    public Workload(String id, String title, Kind kind, String topic, int partitions, long records, int recordSize,
                    Map<String, String> producerProps) {
        this(id, title, kind, topic, partitions, records, recordSize, producerProps, 1, 1, Map.of());
    }

    /** Which perf tool a workload runs. */
    public enum Kind {
        /** ProducerPerformance at unthrottled throughput. */
        PRODUCE,
        /** ConsumerPerformance from the beginning of a topic an earlier workload filled. */
        CONSUME,
        /** EndToEndLatency: one record at a time, produce then consume. */
        END_TO_END
    }

    public Workload {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(topic);
        if (records <= 0) {
            throw new IllegalArgumentException("records must be positive, got " + records);
        }
        producerProps = Collections.unmodifiableMap(new LinkedHashMap<>(producerProps));
        topicConfigs = Collections.unmodifiableMap(new LinkedHashMap<>(topicConfigs));
        if (replicationFactor > brokers) {
            throw new IllegalArgumentException(id + ": replication factor " + replicationFactor + " above " + brokers + " brokers");
        }
    }

    /** The acks setting EndToEndLatency takes as an argument. */
    public String acks() {
        return producerProps.getOrDefault("acks", "1");
    }

    /** The producer settings as {@code key=value} strings, in order. */
    public java.util.List<String> producerPropArgs() {
        return producerProps.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }
}
