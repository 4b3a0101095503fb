package io.samsa.tools.consoleconsumer;

import io.samsa.clients.consumer.ConsumerRecord;
import io.samsa.record.TimestampType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Kafka's {@code LoggingMessageFormatter}: prints each record as the formatter it wraps does, and
 * also logs it at INFO as {@code CreateTime:MS, key:K, value:V} (key and value as UTF-8). The tools'
 * logging is at WARN unless {@code --verbose}, so by default only the printed line shows, as
 * with Kafka's tools-log4j. Immutable; the consumer's one thread calls it.
 */
final class LoggingFormatter implements RecordFormatter {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingFormatter.class);

    private final RecordFormatter printed;

    LoggingFormatter(RecordFormatter printed) {
        this.printed = printed;
    }

    @Override
    public void write(ConsumerRecord<byte[], byte[]> record, OutputStream out) throws IOException {
        printed.write(record, out);
        if (LOG.isInfoEnabled()) {
            LOG.info(line(record));
        }
    }

    /** The logged line, as Kafka's formatter writes it. */
    static String line(ConsumerRecord<byte[], byte[]> r) {
        String timestamp = r.timestampType() != TimestampType.NO_TIMESTAMP_TYPE
                ? r.timestampType() + ":" + r.timestamp() + ", " : "";
        String key = "key:" + (r.key() == null ? "null " : new String(r.key(), StandardCharsets.UTF_8) + ", ");
        String value = "value:" + (r.value() == null ? "null" : new String(r.value(), StandardCharsets.UTF_8));
        return timestamp + key + value;
    }
}
