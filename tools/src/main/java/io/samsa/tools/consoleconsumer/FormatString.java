package io.samsa.tools.consoleconsumer;

import io.samsa.clients.consumer.ConsumerRecord;
import io.samsa.common.header.Header;
import io.samsa.tools.cli.UsageException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A kcat-style {@code --format}: text with directives for the record's fields, {@code %t} topic,
 * {@code %k} key, {@code %v} value, {@code %p} partition, {@code %o} offset, {@code %T} timestamp
 * (ms), {@code %h} headers as {@code k=v,k2=v2} and {@code %%} a percent sign, and the escapes
 * {@code \n}, {@code \t}, {@code \r} and {@code \\}. Unlike kcat's, a format with no newline in it
 * gets one after each record, so that {@code --format '%k %v'} prints a line per record. A null
 * key, value or header value prints as the null literal ({@code null}). Immutable.
 */
final class FormatString implements RecordFormatter {

    static final String DIRECTIVES = "%t %k %v %p %o %T %h %%";

    /** One piece of the format: literal bytes, or a field (its directive letter). */
    private record Part(byte[] literal, char field) {
    }

    private final List<Part> parts;
    private final FieldDecoder keys;
    private final FieldDecoder values;
    private final FieldDecoder headerValues;

    private FormatString(List<Part> parts, FieldDecoder keys, FieldDecoder values, FieldDecoder headerValues) {
        this.parts = parts;
        this.keys = keys;
        this.values = values;
        this.headerValues = headerValues;
    }

    /**
     * Parses {@code format}.
     *
     * @throws UsageException for an unknown directive or a {@code %} at the end
     */
    static FormatString parse(String format, FieldDecoder keys, FieldDecoder values, FieldDecoder headerValues)
            throws UsageException {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        boolean newline = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '\\' && i + 1 < format.length()) {
                char n = format.charAt(++i);
                switch (n) {
                    case 'n' -> {
                        literal.append('\n');
                        newline = true;
                    }
                    case 't' -> literal.append('\t');
                    case 'r' -> literal.append('\r');
                    case '\\' -> literal.append('\\');
                    default -> literal.append(c).append(n);
                }
            } else if (c == '%') {
                if (i + 1 >= format.length()) {
                    throw new UsageException("--format ends with a lone %; directives are " + DIRECTIVES);
                }
                char d = format.charAt(++i);
                if (d == '%') {
                    literal.append('%');
                } else if ("tkvpoTh".indexOf(d) >= 0) {
                    flush(parts, literal);
                    parts.add(new Part(null, d));
                } else {
                    throw new UsageException("--format: unknown directive %" + d + "; directives are " + DIRECTIVES);
                }
            } else {
                if (c == '\n') {
                    newline = true;
                }
                literal.append(c);
            }
        }
        if (!newline) {
            literal.append('\n');
        }
        flush(parts, literal);
        return new FormatString(List.copyOf(parts), keys, values, headerValues);
    }

    private static void flush(List<Part> parts, StringBuilder literal) {
        if (literal.length() > 0) {
            parts.add(new Part(literal.toString().getBytes(StandardCharsets.UTF_8), '\0'));
            literal.setLength(0);
        }
    }

    @Override
    public void write(ConsumerRecord<byte[], byte[]> r, OutputStream out) throws IOException {
        for (Part p : parts) {
            if (p.literal() != null) {
                out.write(p.literal());
                continue;
            }
            switch (p.field()) {
                case 't' -> out.write(utf8(r.topic()));
                case 'k' -> out.write(keys.decode(r.topic(), r.headers(), r.key()));
                case 'v' -> out.write(values.decode(r.topic(), r.headers(), r.value()));
                case 'p' -> out.write(utf8(Integer.toString(r.partition())));
                case 'o' -> out.write(utf8(Long.toString(r.offset())));
                case 'T' -> out.write(utf8(Long.toString(r.timestamp())));
                case 'h' -> out.write(headers(r));
                default -> throw new IllegalStateException("directive %" + p.field());
            }
        }
    }

    private byte[] headers(ConsumerRecord<byte[], byte[]> r) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Iterator<Header> it = r.headers().iterator();
        while (it.hasNext()) {
            Header h = it.next();
            b.write(utf8(h.key() + "="));
            b.write(headerValues.decode(r.topic(), r.headers(), h.value()));
            if (it.hasNext()) {
                b.write(',');
            }
        }
        return b.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
