package io.samsa.tools.consoleconsumer;

import io.samsa.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes one consumed record to standard output: Kafka's layout ({@link DefaultFormatter}) or a
 * {@code --format} string ({@link FormatString}). Keys and values are written as their bytes, so
 * what was produced comes out unchanged whatever its encoding. Implementations are immutable once
 * built; the consumer's one thread calls them.
 */
interface RecordFormatter {

    void write(ConsumerRecord<byte[], byte[]> record, OutputStream out) throws IOException;
}
