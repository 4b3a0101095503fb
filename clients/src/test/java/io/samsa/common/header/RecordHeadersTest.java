package io.samsa.common.header;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.samsa.common.header.internals.RecordHeader;
import io.samsa.common.header.internals.RecordHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordHeadersTest {

    @Test
    void keepsOrderAndFindsByKey() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("a", new byte[] {1}).add(new RecordHeader("b", null)).add("a", new byte[] {2});
        assertArrayEquals(new byte[] {2}, headers.lastHeader("a").value());
        assertNull(headers.lastHeader("b").value());
        assertNull(headers.lastHeader("c"));
        List<Byte> values = new ArrayList<>();
        headers.headers("a").forEach(h -> values.add(h.value()[0]));
        assertEquals(List.of((byte) 1, (byte) 2), values);
        assertEquals(3, headers.toArray().length);
        assertEquals("b", headers.toArray()[1].key());
        assertEquals(0, new RecordHeaders().toArray().length);
    }

    @Test
    void removeDropsEveryHeaderOfTheKey() {
        RecordHeaders headers = new RecordHeaders(new Header[] {new RecordHeader("a", null), new RecordHeader("b", null),
            new RecordHeader("a", null)});
        headers.remove("a");
        assertEquals(1, headers.toArray().length);
        assertEquals("b", headers.iterator().next().key());
    }

    @Test
    void readOnlyHeadersRefuseChanges() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("a", null);
        headers.setReadOnly();
        assertThrows(IllegalStateException.class, () -> headers.add("b", null));
        assertThrows(IllegalStateException.class, () -> headers.add(new RecordHeader("b", null)));
        assertThrows(IllegalStateException.class, () -> headers.remove("a"));
        Iterator<Header> it = headers.iterator();
        it.next();
        assertThrows(IllegalStateException.class, it::remove);
        assertEquals(1, headers.toArray().length);
        assertEquals("a", headers.lastHeader("a").key());
    }

    @Test
    void nullKeysAreRejected() {
        RecordHeaders headers = new RecordHeaders();
        assertThrows(NullPointerException.class, () -> headers.add(null, null));
        assertThrows(NullPointerException.class, () -> headers.add(null));
        assertThrows(IllegalArgumentException.class, () -> headers.lastHeader(null));
        assertThrows(IllegalArgumentException.class, () -> headers.remove(null));
        assertThrows(IllegalArgumentException.class, () -> headers.headers(null));
    }

    @Test
    void headerFromBuffersDecodesLazilyAndEqualsTheArrayForm() {
        ByteBuffer key = ByteBuffer.wrap("clé".getBytes(StandardCharsets.UTF_8));
        RecordHeader lazy = new RecordHeader(key, ByteBuffer.wrap(new byte[] {7, 8}));
        assertEquals(new RecordHeader("clé", new byte[] {7, 8}), lazy);
        assertEquals(new RecordHeader("clé", new byte[] {7, 8}).hashCode(), lazy.hashCode());
        assertEquals(0, key.position());
        assertNull(new RecordHeader(key, null).value());
    }

    @Test
    void copiesAreIndependentAndEqual() {
        RecordHeaders original = new RecordHeaders();
        original.add("k", new byte[] {1});
        RecordHeaders copy = new RecordHeaders(original);
        assertEquals(original, copy);
        copy.add("k2", null);
        assertEquals(1, original.toArray().length);
        original.setReadOnly();
        copy.add("k3", null);
    }

    @Test
    void headersThatNeverHadOneBehaveAsAnEmptyList() {
        RecordHeaders none = new RecordHeaders();
        assertNull(none.lastHeader("a"));
        assertFalse(none.iterator().hasNext());
        assertFalse(none.headers("a").iterator().hasNext());
        none.remove("a");
        RecordHeaders emptied = new RecordHeaders();
        emptied.add("a", null).remove("a");
        assertEquals(emptied, none);
        assertEquals(emptied.hashCode(), none.hashCode());
        assertEquals(new RecordHeaders(List.of()), none);
        none.add("b", new byte[] {3});
        assertEquals(1, none.toArray().length);
        RecordHeaders frozen = new RecordHeaders();
        frozen.setReadOnly();
        assertThrows(IllegalStateException.class, () -> frozen.add("c", null));
        assertThrows(IllegalStateException.class, () -> frozen.remove("c"));
    }
}
