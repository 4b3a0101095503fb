package io.samsa.tools.consoleproducer;

import io.samsa.clients.producer.ProducerRecord;
import io.samsa.common.header.Header;
import io.samsa.tools.cli.ToolFailure;
import io.samsa.tools.cli.UsageException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LineRecordReaderTest {

    @Test
    void aPlainLineIsTheValue() throws UsageException {
        ProducerRecord<byte[], byte[]> r = reader().read("hello\tworld", 1);
        assertEquals("t", r.topic());
        assertNull(r.key());
        assertEquals("hello\tworld", text(r.value()));
        assertNull(r.partition());
        assertEquals(List.of(), headers(r));
    }

    @Test
    void parseKeySplitsAtTheFirstSeparator() throws UsageException {
        ProducerRecord<byte[], byte[]> r = reader("parse.key", "true", "key.separator", ":").read("k1:v:1", 1);
        assertEquals("k1", text(r.key()));
        assertEquals("v:1", text(r.value()));
        assertEquals("", text(reader("parse.key", "true").read("\t", 1).value()), "an empty value");
    }

    @Test
    void headersComeFirstThenTheKeyThenTheValue() throws UsageException {
        ProducerRecord<byte[], byte[]> r = reader("parse.key", "true", "parse.headers", "true")
                .read("h1:v1,h2:v2\tkey\tvalue", 1);
        assertEquals(List.of("h1=v1", "h2=v2"), headers(r));
        assertEquals("key", text(r.key()));
        assertEquals("value", text(r.value()));

        ProducerRecord<byte[], byte[]> custom = reader("parse.headers", "true", "headers.delimiter", "|",
                "headers.separator", ";", "headers.key.separator", "=").read("a=1;b=x|rest", 1);
        assertEquals(List.of("a=1", "b=x"), headers(custom));
        assertEquals("rest", text(custom.value()));
    }

    @Test
    void theNullMarkerMakesAFieldNull() throws UsageException {
        ProducerRecord<byte[], byte[]> r = reader("parse.key", "true", "key.separator", ":", "parse.headers", "true",
                "headers.delimiter", "|", "null.marker", "<null>").read("h:<null>|<null>:<null>", 1);
        assertNull(r.key());
        assertNull(r.value());
        assertEquals(List.of("h=null"), headers(r));
        ToolFailure f = assertThrows(ToolFailure.class, () -> reader("parse.headers", "true", "headers.delimiter", "|",
                "null.marker", "N").read("N:v|x", 4));
        assertEquals("line 4: a header key may not be the null marker 'N'", f.getMessage());
    }

    @Test
    void aMissingSeparatorNamesTheLineUnlessErrorsAreIgnored() throws UsageException {
        ToolFailure f = assertThrows(ToolFailure.class, () -> reader("parse.key", "true").read("no key here", 7));
        assertEquals("line 7: no key separator '\\t' in 'no key here'", f.getMessage());
        ToolFailure h = assertThrows(ToolFailure.class, () -> reader("parse.headers", "true").read("h1\tv", 2));
        assertEquals("line 2: no header key separator ':' in header 'h1'", h.getMessage());

        ProducerRecord<byte[], byte[]> r = reader("parse.key", "true", "ignore.error", "true").read("no key here", 7);
        assertNull(r.key());
        assertEquals("no key here", text(r.value()));
    }

    @Test
    void separatorsThatMustDifferAreAUsageError() {
        assertEquals("headers.delimiter and headers.separator may not be equal (',')", assertThrows(UsageException.class,
                () -> reader("headers.delimiter", ",")).getMessage());
        assertEquals("null.marker and key.separator may not be equal ('\\t')", assertThrows(UsageException.class,
                () -> reader("null.marker", "\t")).getMessage());
        assertEquals("key.separator must not be empty", assertThrows(UsageException.class,
                () -> reader("key.separator", "")).getMessage());
    }

    @Test
    void unknownKeysGetADidYouMean() {
        Properties p = new Properties();
        p.setProperty("parse.keys", "true");
        p.setProperty("parse.key", "true");
        assertEquals(List.of("unknown --property 'parse.keys' is ignored; did you mean 'parse.key'?"),
                LineRecordReader.unknownKeyWarnings(p));
    }

    private static LineRecordReader reader(String... kv) throws UsageException {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return LineRecordReader.configure("t", p);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static List<String> headers(ProducerRecord<byte[], byte[]> r) {
        List<String> out = new ArrayList<>();
        for (Header h : r.headers()) {
            out.add(h.key() + "=" + (h.value() == null ? "null" : text(h.value())));
        }
        return out;
    }

    @Test
    void bytesAreUtf8() throws UsageException {
        assertArrayEquals("é".getBytes(StandardCharsets.UTF_8), reader().read("é", 1).value());
    }
}
