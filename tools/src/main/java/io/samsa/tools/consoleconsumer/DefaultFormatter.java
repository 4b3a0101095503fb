package io.samsa.tools.consoleconsumer;

import io.samsa.clients.consumer.ConsumerRecord;
import io.samsa.common.header.Header;
import io.samsa.record.TimestampType;
import io.samsa.tools.cli.UsageException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Kafka's console consumer layout (its {@code DefaultMessageFormatter}), configured by the same
 * {@code --property} keys: in this order and each only when asked for, {@code CreateTime:MS}
 * ({@code print.timestamp}), {@code Partition:P}, {@code Offset:O}, the headers as
 * {@code k1:v1,k2:v2} ({@code NO_HEADERS} when there are none), the key, then the value (on by
 * default), separated by {@code key.separator} (a tab) and ended by {@code line.separator}; a
 * null field prints as {@code null.literal} ({@code null}). Immutable.
 */
final class DefaultFormatter implements RecordFormatter {

    static final Set<String> KEYS = Set.of("print.timestamp", "print.key", "print.offset", "print.partition",
            "print.headers", "print.value", "key.separator", "line.separator", "headers.separator", "null.literal",
            "key.deserializer", "value.deserializer", "headers.deserializer");

    private final boolean printTimestamp;
    private final boolean printKey;
    private final boolean printValue;
    private final boolean printPartition;
    private final boolean printOffset;
    private final boolean printHeaders;
    private final byte[] keySeparator;
    private final byte[] lineSeparator;
    private final byte[] headersSeparator;
    private final FieldDecoder keys;
    private final FieldDecoder values;
    private final FieldDecoder headerValues;

    /**
     * @param settings the {@code --property} settings (unknown keys are ignored here; the options
     *                 warn about them)
     * @throws UsageException when a deserializer named there does not exist
     */
    DefaultFormatter(Map<String, String> settings) throws UsageException {
        printTimestamp = bool(settings, "print.timestamp", false);
        printKey = bool(settings, "print.key", false);
        printValue = bool(settings, "print.value", true);
        printPartition = bool(settings, "print.partition", false);
        printOffset = bool(settings, "print.offset", false);
        printHeaders = bool(settings, "print.headers", false);
        keySeparator = utf8(settings.getOrDefault("key.separator", "\t"));
        lineSeparator = utf8(settings.getOrDefault("line.separator", "\n"));
        headersSeparator = utf8(settings.getOrDefault("headers.separator", ","));
        String nullLiteral = settings.getOrDefault("null.literal", "null");
        keys = FieldDecoder.of("key.deserializer", settings.get("key.deserializer"), settings, true, nullLiteral);
        values = FieldDecoder.of("value.deserializer", settings.get("value.deserializer"), settings, false, nullLiteral);
        headerValues = FieldDecoder.of("headers.deserializer", settings.get("headers.deserializer"), settings, false,
                nullLiteral);
    }

    @Override
    public void write(ConsumerRecord<byte[], byte[]> r, OutputStream out) throws IOException {
        if (printTimestamp) {
            out.write(utf8(r.timestampType() == TimestampType.NO_TIMESTAMP_TYPE ? "NO_TIMESTAMP"
                    : r.timestampType() + ":" + r.timestamp()));
            separator(out, printPartition || printOffset || printHeaders || printKey || printValue);
        }
        if (printPartition) {
            out.write(utf8("Partition:" + r.partition()));
            separator(out, printOffset || printHeaders || printKey || printValue);
        }
        if (printOffset) {
            out.write(utf8("Offset:" + r.offset()));
            separator(out, printHeaders || printKey || printValue);
        }
        if (printHeaders) {
            Iterator<Header> it = r.headers().iterator();
            if (!it.hasNext()) {
                out.write(utf8("NO_HEADERS"));
            }
            while (it.hasNext()) {
                Header h = it.next();
                out.write(utf8(h.key() + ":"));
                out.write(headerValues.decode(r.topic(), r.headers(), h.value()));
                if (it.hasNext()) {
                    out.write(headersSeparator);
                }
            }
            separator(out, printKey || printValue);
        }
        if (printKey) {
            out.write(keys.decode(r.topic(), r.headers(), r.key()));
            separator(out, printValue);
        }
        if (printValue) {
            out.write(values.decode(r.topic(), r.headers(), r.value()));
            out.write(lineSeparator);
        }
    }

    /** A column separator when more follows on the line, else the line separator. */
    private void separator(OutputStream out, boolean more) throws IOException {
        out.write(more ? keySeparator : lineSeparator);
    }

    private static boolean bool(Map<String, String> settings, String key, boolean dflt) {
        String v = settings.get(key);
        return v == null ? dflt : v.trim().equalsIgnoreCase("true");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
