package io.samsa.tools.consoleproducer;

import io.samsa.clients.producer.ProducerRecord;
import io.samsa.tools.cli.DidYouMean;
import io.samsa.tools.cli.ToolFailure;
import io.samsa.tools.cli.UsageException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns one line of standard input into one record, as Kafka's console producer's line reader
 * does, configured by the same {@code --property} keys: with {@code parse.headers=true} the line
 * starts with headers ({@code h1:v1,h2:v2}) ended by {@code headers.delimiter}; with
 * {@code parse.key=true} the key comes next, ended by {@code key.separator}; the rest is the
 * value. A field equal to {@code null.marker} becomes null (a header key never may). A line that
 * lacks a separator it needs fails, naming the line, unless {@code ignore.error=true}, which then
 * takes the line as it comes (no key, no headers). Every record goes to one topic and no partition
 * (the producer's partitioner picks one from the key).
 *
 * <p>Immutable once configured; {@link #read} keeps no state between lines.
 */
final class LineRecordReader {

    static final Set<String> KEYS = Set.of("parse.key", "key.separator", "parse.headers", "headers.delimiter",
            "headers.separator", "headers.key.separator", "ignore.error", "null.marker");

    private final String topic;
    private final boolean parseKey;
    private final String keySeparator;
    private final boolean parseHeaders;
    private final String headersDelimiter;
    private final Pattern headersSeparator;
    private final String headersKeySeparator;
    private final boolean ignoreError;
    private final String nullMarker;

    private LineRecordReader(String topic, Properties p) {
        this.topic = topic;
        this.parseKey = bool(p, "parse.key");
        this.keySeparator = p.getProperty("key.separator", "\t");
        this.parseHeaders = bool(p, "parse.headers");
        this.headersDelimiter = p.getProperty("headers.delimiter", "\t");
        this.headersSeparator = Pattern.compile(Pattern.quote(p.getProperty("headers.separator", ",")));
        this.headersKeySeparator = p.getProperty("headers.key.separator", ":");
        this.ignoreError = bool(p, "ignore.error");
        this.nullMarker = p.getProperty("null.marker");
    }

    /**
     * A reader configured by {@code props} (the {@code --property} keys above).
     *
     * @throws UsageException when two separators that must differ are equal or one is empty
     */
    static LineRecordReader configure(String topic, Properties props) throws UsageException {
        for (String key : List.of("key.separator", "headers.delimiter", "headers.separator", "headers.key.separator")) {
            if (props.containsKey(key) && props.getProperty(key).isEmpty()) {
                throw new UsageException(key + " must not be empty");
            }
        }
        LineRecordReader r = new LineRecordReader(topic, props);
        String separator = props.getProperty("headers.separator", ",");
        mustDiffer("headers.delimiter", r.headersDelimiter, "headers.separator", separator);
        mustDiffer("headers.delimiter", r.headersDelimiter, "headers.key.separator", r.headersKeySeparator);
        mustDiffer("headers.separator", separator, "headers.key.separator", r.headersKeySeparator);
        if (r.nullMarker != null) {
            mustDiffer("null.marker", r.nullMarker, "key.separator", r.keySeparator);
            mustDiffer("null.marker", r.nullMarker, "headers.separator", separator);
            mustDiffer("null.marker", r.nullMarker, "headers.delimiter", r.headersDelimiter);
            mustDiffer("null.marker", r.nullMarker, "headers.key.separator", r.headersKeySeparator);
        }
        return r;
    }

    /** One warning per {@code --property} key the reader does not know, with a "did you mean". */
    static List<String> unknownKeyWarnings(Properties props) {
        List<String> warnings = new ArrayList<>();
        for (String key : new TreeSet<>(props.stringPropertyNames())) {
            if (!KEYS.contains(key)) {
                warnings.add("unknown --property '" + key + "' is ignored" + DidYouMean.hint(key, KEYS));
            }
        }
        return warnings;
    }

    /**
     * The record of line number {@code lineNumber} (from 1).
     *
     * @throws ToolFailure when the line lacks a separator it needs (and {@code ignore.error} is off)
     */
    ProducerRecord<byte[], byte[]> read(String line, long lineNumber) {
        String headers = field(parseHeaders, line, 0, headersDelimiter, "headers delimiter", lineNumber);
        int headerEnd = headers == null ? 0 : headers.length() + headersDelimiter.length();
        String key = field(parseKey, line, headerEnd, keySeparator, "key separator", lineNumber);
        int keyEnd = headerEnd + (key == null ? 0 : key.length() + keySeparator.length());
        String value = line.substring(keyEnd);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, bytesOrNull(key), bytesOrNull(value));
        if (headers != null && !headers.equals(nullMarker)) {
            for (String pair : headersSeparator.split(headers)) {
                addHeader(record, pair, lineNumber);
            }
        }
        return record;
    }

    private void addHeader(ProducerRecord<byte[], byte[]> record, String pair, long lineNumber) {
        int at = pair.indexOf(headersKeySeparator);
        if (at < 0) {
            if (!ignoreError) {
                throw new ToolFailure("line " + lineNumber + ": no header key separator '" + printable(headersKeySeparator)
                        + "' in header '" + pair + "'");
            }
            record.headers().add(pair, null);
            return;
        }
        String key = pair.substring(0, at);
        if (key.equals(nullMarker)) {
            throw new ToolFailure("line " + lineNumber + ": a header key may not be the null marker '" + nullMarker + "'");
        }
        record.headers().add(key, bytesOrNull(pair.substring(at + headersKeySeparator.length())));
    }

    private String field(boolean enabled, String line, int start, String separator, String name, long lineNumber) {
        if (!enabled) {
            return null;
        }
        int at = line.indexOf(separator, start);
        if (at < 0) {
            if (ignoreError) {
                return null;
            }
            throw new ToolFailure("line " + lineNumber + ": no " + name + " '" + printable(separator) + "' in '" + line + "'");
        }
        return line.substring(start, at);
    }

    private byte[] bytesOrNull(String s) {
        return s == null || s.equals(nullMarker) ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean bool(Properties p, String key) {
        return p.getProperty(key, "false").trim().equalsIgnoreCase("true");
    }

    private static void mustDiffer(String a, String av, String b, String bv) throws UsageException {
        if (av.equals(bv)) {
            throw new UsageException(a + " and " + b + " may not be equal ('" + printable(av) + "')");
        }
    }

    /** A separator as the user would type it: a tab as {@code \t}. */
    static String printable(String s) {
        return s.replace("\t", "\\t").replace("\n", "\\n");
    }
}
