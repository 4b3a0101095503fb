package io.samsa.protocol;

import io.samsa.generator.schema.FieldSpec;
import io.samsa.generator.schema.FieldType;
import io.samsa.generator.schema.MessageSpec;
import io.samsa.generator.schema.StructSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Writes a random, valid encoding of a message straight from its schema, without the generated
 * classes: every field the version has gets a value other than its default (so that a tagged
 * field is really sent and a field lost in the round trip shows), nulls now and then where the
 * version allows them, arrays of one to three elements. The encoding is canonical (tagged fields in
 * tag order, booleans 0 or 1), so any correct reader and writer gives back the same bytes. Not
 * thread-safe (one per test).
 */
final class RandomMessageBytes {

    private static final String[] WORDS = {"a", "topic", "gr\u00fcn", "\u65e5\u672c", "x-y.z_1", "cl\u00e9", "long-name-with-some-length"};

    private final Random random;

    RandomMessageBytes(long seed) {
        this.random = new Random(seed);
    }

    ByteBuffer message(MessageSpec spec, short version) {
        ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        struct(new ByteBufferSink(buf), spec.root(), version, spec.isFlexible(version), 0);
        return buf.flip();
    }

    private void struct(ProtocolSink out, StructSpec spec, int version, boolean flexible, int depth) {
        for (FieldSpec f : spec.fieldArray()) {
            if (f.presentIn(version) && !f.isTagged()) {
                value(out, f, version, flexible, depth);
            }
        }
        if (!flexible) {
            return;
        }
        int count = 0;
        for (FieldSpec f : spec.taggedByTag()) {
            if (f.presentIn(version)) {
                count++;
            }
        }
        out.writeUnsignedVarint(count);
        for (FieldSpec f : spec.taggedByTag()) {
            if (f.presentIn(version)) {
                ByteBuffer value = ByteBuffer.allocate(1 << 16);
                // A tagged field is sent only when it differs from its default: never null here.
                valueNotNull(new ByteBufferSink(value), f, version, true, depth);
                value.flip();
                out.writeUnsignedVarint(f.tag());
                out.writeUnsignedVarint(value.remaining());
                out.writeBytes(value);
            }
        }
    }

    private void value(ProtocolSink out, FieldSpec f, int version, boolean flexible, int depth) {
        if (f.nullableIn(version) && random.nextInt(5) == 0) {
            if (flexible) {
                out.writeUnsignedVarint(0);
            } else if (f.type() == FieldType.STRING) {
                out.writeShort((short) -1);
            } else {
                out.writeInt(-1);
            }
            return;
        }
        valueNotNull(out, f, version, flexible, depth);
    }

    private void valueNotNull(ProtocolSink out, FieldSpec f, int version, boolean flexible, int depth) {
        switch (f.type()) {
            case ARRAY -> {
                int n = 1 + random.nextInt(depth < 2 ? 3 : 2);
                length(out, n, flexible);
                for (int i = 0; i < n; i++) {
                    if (f.elementType() == FieldType.STRUCT) {
                        struct(out, f.struct(), version, flexible, depth + 1);
                    } else {
                        scalar(out, f.elementType(), flexible, null);
                    }
                }
            }
            case STRUCT -> struct(out, f.struct(), version, flexible, depth + 1);
            default -> scalar(out, f.type(), flexible, f.defaultValue());
        }
    }

    private void length(ProtocolSink out, int n, boolean flexible) {
        if (flexible) {
            out.writeUnsignedVarint(n + 1);
        } else {
            out.writeInt(n);
        }
    }

    /** A value of a scalar type that differs from {@code dflt}. */
    private void scalar(ProtocolSink out, FieldType type, boolean flexible, Object dflt) {
        switch (type) {
            case BOOLEAN -> out.writeByte(Boolean.TRUE.equals(dflt) ? (byte) 0 : (byte) 1);
            case INT8 -> out.writeByte((byte) differentLong(dflt, random.nextInt(256) - 128));
            case INT16 -> out.writeShort((short) differentLong(dflt, random.nextInt(65536) - 32768));
            case UINT16 -> out.writeShort((short) differentLong(dflt, random.nextInt(65536)));
            case INT32 -> out.writeInt((int) differentLong(dflt, random.nextBoolean() ? random.nextInt() : random.nextInt(1000) - 2));
            case INT64 -> out.writeLong(differentLong(dflt, random.nextBoolean() ? random.nextLong() : random.nextInt(100000) - 2));
            case FLOAT64 -> out.writeDouble(1 + random.nextDouble() * 1000);
            case UUID -> {
                out.writeLong(random.nextLong() | 1);
                out.writeLong(random.nextLong());
            }
            case STRING -> {
                String s = WORDS[random.nextInt(WORDS.length)] + random.nextInt(1000);
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                if (flexible) {
                    out.writeUnsignedVarint(b.length + 1);
                } else {
                    out.writeShort((short) b.length);
                }
                out.writeBytes(b);
            }
            case BYTES -> {
                byte[] b = new byte[1 + random.nextInt(12)];
                random.nextBytes(b);
                bytes(out, b, flexible);
            }
            case RECORDS -> {
                // Looks like the start of a batch (base offset, length, magic); nobody validates it here.
                byte[] b = new byte[61 + random.nextInt(40)];
                random.nextBytes(b);
                ByteBuffer buf = ByteBuffer.wrap(b);
                buf.putLong(0, random.nextInt(1000));
                buf.putInt(8, b.length - 12);
                buf.put(16, (byte) 2);
                bytes(out, b, flexible);
            }
            default -> throw new IllegalStateException("Not a scalar: " + type);
        }
    }

    /** {@code candidate}, or the next value when it is the default (still different after narrowing). */
    private long differentLong(Object dflt, long candidate) {
        long d = dflt == null ? 0 : ((Number) dflt).longValue();
        return candidate == d ? candidate + 1 : candidate;
    }

    private void bytes(ProtocolSink out, byte[] b, boolean flexible) {
        length(out, b.length, flexible);
        out.writeBytes(b);
    }
}
