package io.samsa.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.util.List;

/** Field-by-field comparison of two structs at one version, naming the path of the first difference. */
final class StructAssertions {

    private StructAssertions() {
    }

    static void assertStructEquals(Struct expected, Struct actual, int version, String path) {
        assertEquals(expected.spec(), actual.spec(), path);
        for (FieldSpec f : expected.spec().fields()) {
            if (!f.presentIn(version)) {
                continue;
            }
            String where = path + "." + f.name();
            Object e = expected.get(f);
            Object a = actual.get(f);
            if (e == null) {
                assertNull(a, where);
                continue;
            }
            assertNotNull(a, where);
            switch (f.type()) {
                case STRUCT -> assertStructEquals((Struct) e, (Struct) a, version, where);
                case ARRAY -> {
                    List<?> el = (List<?>) e;
                    List<?> al = (List<?>) a;
                    assertEquals(el.size(), al.size(), where + " size");
                    for (int i = 0; i < el.size(); i++) {
                        if (f.elementType() == FieldType.STRUCT) {
                            assertStructEquals((Struct) el.get(i), (Struct) al.get(i), version, where + "[" + i + "]");
                        } else {
                            assertEquals(bytesOf(el.get(i)), bytesOf(al.get(i)), where + "[" + i + "]");
                        }
                    }
                }
                default -> assertEquals(bytesOf(e), bytesOf(a), where);
            }
        }
    }

    private static Object bytesOf(Object v) {
        if (v instanceof MemoryRecordsData m) {
            return m.buffer();
        }
        if (v instanceof byte[] b) {
            return ByteBuffer.wrap(b);
        }
        return v;
    }
}
