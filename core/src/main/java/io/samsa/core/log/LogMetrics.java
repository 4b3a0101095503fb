package io.samsa.core.log;

import com.codahale.metrics.Timer;
import io.samsa.common.TopicPartition;
import io.samsa.core.metrics.BrokerMetrics;
import io.samsa.core.metrics.KafkaMetricName;

import java.util.concurrent.TimeUnit;

/**
 * Kafka's per-partition log gauges, {@code kafka.log:type=Log,name=X,topic=<t>,partition=<p>} for X
 * in Size (bytes), NumLogSegments, LogStartOffset and LogEndOffset, read from the log when asked.
 * Added when a replica's log is opened here and removed when it is deleted or its dir goes
 * offline. And {@code kafka.log:type=LogFlushStats,name=LogFlushRateAndTimeMs}, the rate and time of
 * the flushes of every log published here. Thread-safe.
 */
public final class LogMetrics {

    private static final String GROUP = "kafka.log";
    private static final String TYPE = "Log";

    private final BrokerMetrics metrics;
    private final Timer flushes;

    public LogMetrics(BrokerMetrics metrics) {
        this.metrics = metrics;
        this.flushes = metrics.timer(KafkaMetricName.of(GROUP, "LogFlushStats", "LogFlushRateAndTimeMs"));
    }

    /** Publishes {@code log}'s gauges, replacing those of an earlier log of the same partition. */
    public void add(Log log) {
        TopicPartition tp = log.topicPartition();
        metrics.gauge(name("Size", tp), log::size);
        metrics.gauge(name("NumLogSegments", tp), log::numberOfSegments);
        metrics.gauge(name("LogStartOffset", tp), log::logStartOffset);
        metrics.gauge(name("LogEndOffset", tp), log::logEndOffset);
        log.onFlush(nanos -> flushes.update(nanos, TimeUnit.NANOSECONDS));
    }

    public void remove(TopicPartition tp) {
        for (String name : new String[] {"Size", "NumLogSegments", "LogStartOffset", "LogEndOffset"}) {
            metrics.remove(name(name, tp));
        }
    }

    private static KafkaMetricName name(String name, TopicPartition tp) {
        return KafkaMetricName.of(GROUP, TYPE, name).withTag("topic", tp.topic()).withTag("partition", Integer.toString(tp.partition()));
    }
}
