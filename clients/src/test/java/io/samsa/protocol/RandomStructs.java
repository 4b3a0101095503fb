package io.samsa.protocol;

import io.samsa.common.Uuid;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds message values with a random, non-default value in every field a version has (nested
 * arrays and structs included), nulls now and then where the version allows them, and small
 * record blobs for RECORDS fields. Not thread-safe (one per test).
 */
final class RandomStructs {

    private static final String[] WORDS = {"a", "topic", "gr\u00fcn", "\u65e5\u672c", "x-y.z_1", "clé", "long-name-with-some-length"};

    private final Random random;

    RandomStructs(long seed) {
        this.random = new Random(seed);
    }

    Struct message(MessageSpec spec, int version) {
        return struct(spec.root(), version, 0);
    }

    Struct struct(StructSpec spec, int version, int depth) {
        Struct s = new Struct(spec);
        for (FieldSpec f : spec.fields()) {
            if (f.presentIn(version)) {
                s.set(f, value(f, version, depth));
            }
        }
        return s;
    }

    private Object value(FieldSpec f, int version, int depth) {
        if (f.nullableIn(version) && random.nextInt(5) == 0) {
            return null;
        }
        switch (f.type()) {
            case ARRAY: {
                int n = 1 + random.nextInt(depth < 2 ? 3 : 2);
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(f.elementType() == FieldType.STRUCT
                        ? struct(f.struct(), version, depth + 1)
                        : scalar(f, f.elementType(), null));
                }
                return list;
            }
            case STRUCT:
                return struct(f.struct(), version, depth + 1);
            default:
                return scalar(f, f.type(), f.defaultValue());
        }
    }

    /** A random value of a scalar type that differs from {@code dflt}. */
    Object scalar(FieldSpec f, FieldType type, Object dflt) {
        while (true) {
            Object v = anyScalar(type);
            if (!v.equals(dflt) && !(type == FieldType.BYTES && dflt != null && ((ByteBuffer) v).remaining() == 0)) {
                return Struct.checkedScalar(f, type, v);
            }
        }
    }

    private Object anyScalar(FieldType type) {
        switch (type) {
            case BOOLEAN:
                return random.nextBoolean();
            case INT8:
                return (byte) random.nextInt();
            case INT16:
                return (short) random.nextInt();
            case UINT16:
                return random.nextInt(65536);
            case INT32:
                return random.nextBoolean() ? random.nextInt() : random.nextInt(1000) - 2;
            case INT64:
                return random.nextBoolean() ? random.nextLong() : (long) random.nextInt(100000) - 2;
            case FLOAT64:
                return random.nextDouble() * 1000;
            case UUID:
                return new Uuid(random.nextLong(), random.nextLong());
            case STRING:
                return WORDS[random.nextInt(WORDS.length)] + random.nextInt(1000);
            case BYTES: {
                byte[] b = new byte[1 + random.nextInt(12)];
                random.nextBytes(b);
                return ByteBuffer.wrap(b);
            }
            case RECORDS: {
                // Looks like the start of a batch (base offset, length, ...); Kafka does not validate it.
                byte[] b = new byte[61 + random.nextInt(40)];
                random.nextBytes(b);
                ByteBuffer buf = ByteBuffer.wrap(b);
                buf.putLong(0, random.nextInt(1000));
                buf.putInt(8, b.length - 12);
                buf.put(16, (byte) 2);
                return random.nextBoolean() ? buf : new MemoryRecordsData(buf);
            }
            default:
                throw new IllegalStateException("Not a scalar: " + type);
        }
    }
}
