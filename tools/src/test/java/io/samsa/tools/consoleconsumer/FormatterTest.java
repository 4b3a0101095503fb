package io.samsa.tools.consoleconsumer;

import io.samsa.clients.consumer.ConsumerRecord;
import io.samsa.common.header.internals.RecordHeaders;
import io.samsa.record.TimestampType;
import io.samsa.tools.cli.UsageException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FormatterTest {

    private static final ConsumerRecord<byte[], byte[]> RECORD = record("k1", "v1", "h1", "x", "h2", "y");
    private static final ConsumerRecord<byte[], byte[]> BARE = record(null, null);

    @Test
    void theDefaultLayoutIsKafkas() throws Exception {
        assertEquals("v1\n", defaults(Map.of()).render(RECORD));
        assertEquals("CreateTime:1700000000123\tPartition:2\tOffset:42\th1:x,h2:y\tk1\tv1\n", defaults(Map.of(
                "print.timestamp", "true", "print.partition", "true", "print.offset", "true", "print.headers", "true",
                "print.key", "true")).render(RECORD));
        assertEquals("NO_HEADERS\tnull\tnull\n", defaults(Map.of("print.headers", "true", "print.key", "true")).render(BARE));
        assertEquals("k1\n", defaults(Map.of("print.key", "true", "print.value", "false")).render(RECORD));
        assertEquals("k1 | v1;", defaults(Map.of("print.key", "true", "key.separator", " | ", "line.separator", ";"))
                .render(RECORD));
        assertEquals("h1:x|h2:y\t<none>\n", defaults(Map.of("print.headers", "true", "headers.separator", "|",
                "print.value", "true", "null.literal", "<none>")).render(record("k", null, "h1", "x", "h2", "y")));
    }

    @Test
    void aDeserializerShowsWhatItReads() throws Exception {
        ConsumerRecord<byte[], byte[]> r = new ConsumerRecord<>("t", 0, 0, 5, TimestampType.CREATE_TIME, 8, 8,
                ByteBuffer.allocate(8).putLong(7).array(), ByteBuffer.allocate(8).putLong(-3).array(), new RecordHeaders(),
                Optional.empty());
        assertEquals("7\t-3\n", defaults(Map.of("print.key", "true",
                "key.deserializer", "org.apache.kafka.common.serialization.LongDeserializer",
                "value.deserializer", "LongDeserializer")).render(r));
        assertEquals("key.deserializer no.such.Deserializer: no such deserializer (for example "
                + "org.apache.kafka.common.serialization.LongDeserializer or StringDeserializer)",
                assertThrows(UsageException.class, () -> new DefaultFormatter(Map.of("key.deserializer",
                        "no.such.Deserializer"))).getMessage());
    }

    @Test
    void aFormatStringPrintsEveryField() throws Exception {
        assertEquals("t 2 42 1700000000123 k1 v1 h1=x,h2=y\n", format("%t %p %o %T %k %v %h").render(RECORD));
        assertEquals("null=null []\n", format("%k=%v [%h]").render(BARE));
        assertEquals("k1\tv1;100%\n", format("%k\\t%v;100%%").render(RECORD));
        assertEquals("k1\nv1\n", format("%k\\n%v\\n").render(RECORD), "no newline added when the format has one");
    }

    @Test
    void aBadFormatIsAUsageError() {
        assertEquals("--format: unknown directive %x; directives are %t %k %v %p %o %T %h %%",
                assertThrows(UsageException.class, () -> format("%k %x")).getMessage());
        assertEquals("--format ends with a lone %; directives are %t %k %v %p %o %T %h %%",
                assertThrows(UsageException.class, () -> format("%k %")).getMessage());
    }

    // --- helpers

    private interface Rendering {
        String render(ConsumerRecord<byte[], byte[]> r) throws IOException;
    }

    private static Rendering defaults(Map<String, String> settings) throws UsageException {
        DefaultFormatter f = new DefaultFormatter(new HashMap<>(settings));
        return r -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            f.write(r, out);
            return out.toString(StandardCharsets.UTF_8);
        };
    }

    private static Rendering format(String format) throws UsageException {
        FieldDecoder raw = FieldDecoder.raw("null");
        FormatString f = FormatString.parse(format, raw, raw, raw);
        return r -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            f.write(r, out);
            return out.toString(StandardCharsets.UTF_8);
        };
    }

    private static ConsumerRecord<byte[], byte[]> record(String key, String value, String... headers) {
        RecordHeaders h = new RecordHeaders();
        for (int i = 0; i < headers.length; i += 2) {
            h.add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return new ConsumerRecord<>("t", 2, 42, 1700000000123L, TimestampType.CREATE_TIME, 0, 0,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8), h, Optional.empty());
    }
}
