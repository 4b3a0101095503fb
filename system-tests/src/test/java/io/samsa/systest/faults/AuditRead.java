package io.samsa.systest.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The final audit: a fresh kafka-clients consumer, in no group, reads every partition of the topic
 * from its beginning to its end offset (the high watermark) once the cluster has settled. It sees
 * the log as any later reader will, independent of what the verifiable consumer went through.
 * Stateless.
 */
final class AuditRead {

    /** The topic's records in log order, and each partition's end offset when the read began. */
    record Result(List<VerifiableConsumerRun.Consumed> records, Map<Integer, Long> endOffsets) {
    }

    private AuditRead() {
    }

    static Result read(String bootstrap, String topic, int partitions, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> tps = new ArrayList<>();
            for (int i = 0; i < partitions; i++) {
                tps.add(new TopicPartition(topic, i));
            }
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            Map<Integer, Long> ends = new TreeMap<>();
            consumer.endOffsets(tps, timeout).forEach((tp, end) -> ends.put(tp.partition(), end));
            List<VerifiableConsumerRun.Consumed> records = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (tps.stream().anyMatch(tp -> consumer.position(tp, timeout) < ends.get(tp.partition()))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("audit read of " + topic + " did not reach end offsets " + ends + " within " + timeout);
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < ends.get(r.partition())) {
                        records.add(new VerifiableConsumerRun.Consumed(r.partition(), r.offset(), r.value()));
                    }
                }
            }
            return new Result(records, ends);
        }
    }
}
