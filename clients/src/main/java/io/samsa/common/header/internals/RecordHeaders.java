package io.samsa.common.header.internals;

import io.samsa.common.header.Header;
import io.samsa.common.header.Headers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The standard {@link Headers}: a list of headers that becomes read-only once
 * {@link #setReadOnly()} is called (the producer does so when a record is sent). The list is made
 * on the first {@code add}, since most records the consumer returns have no headers. Not
 * thread-safe; the read-only flag is volatile so that a producer thread that froze the headers
 * makes later changes fail in any thread.
 */
public final class RecordHeaders implements Headers {

    private static final Header[] NONE = new Header[0];

    /** Null until a header is added. */
    private List<Header> headers;
    private volatile boolean readOnly;

    /** No headers yet. */
    public RecordHeaders() {
    }

    /** Headers holding a copy of {@code headers} (null means none). */
    public RecordHeaders(Header[] headers) {
        this(headers == null ? null : Arrays.asList(headers));
    }

    /** Headers holding a copy of {@code headers} (null means none). */
    public RecordHeaders(Iterable<Header> headers) {
        if (headers != null) {
            for (Header h : headers) {
                list().add(Objects.requireNonNull(h, "header"));
            }
        }
    }

    private List<Header> list() {
        if (headers == null) {
            headers = new ArrayList<>();
        }
        return headers;
    }

    @Override
    public Headers add(Header header) {
        Objects.requireNonNull(header, "header");
        checkWritable();
        list().add(header);
        return this;
    }

    @Override
    public Headers add(String key, byte[] value) {
        return add(new RecordHeader(key, value));
    }

    @Override
    public Headers remove(String key) {
        checkWritable();
        requireKey(key);
        if (headers != null) {
            headers.removeIf(h -> h.key().equals(key));
        }
        return this;
    }

    @Override
    public Header lastHeader(String key) {
        requireKey(key);
        if (headers == null) {
            return null;
        }
        for (int i = headers.size() - 1; i >= 0; i--) {
            if (headers.get(i).key().equals(key)) {
                return headers.get(i);
            }
        }
        return null;
    }

    @Override
    public Iterable<Header> headers(String key) {
        requireKey(key);
        return () -> new WithKey(all(), key);
    }

    @Override
    public Iterator<Header> iterator() {
        Iterator<Header> it = all();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Header next() {
                return it.next();
            }

            @Override
            public void remove() {
                checkWritable();
                it.remove();
            }
        };
    }

    @Override
    public Header[] toArray() {
        return headers == null || headers.isEmpty() ? NONE : headers.toArray(NONE);
    }

    private Iterator<Header> all() {
        return headers == null ? Collections.emptyIterator() : headers.iterator();
    }

    /** The headers as a list, for equality: none and an emptied list are the same. */
    private List<Header> asList() {
        return headers == null ? List.of() : headers;
    }

    /** Makes every later {@code add} or {@code remove} throw {@link IllegalStateException}. */
    public void setReadOnly() {
        readOnly = true;
    }

    /** Whether {@link #setReadOnly()} was called. */
    public boolean isReadOnly() {
        return readOnly;
    }

    private void checkWritable() {
        if (readOnly) {
            throw new IllegalStateException("The headers are read-only: the record has been sent");
        }
    }

    private static void requireKey(String key) {
        if (key == null) {
            throw new IllegalArgumentException("Header key must not be null");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordHeaders other && asList().equals(other.asList());
    }

    @Override
    public int hashCode() {
        return asList().hashCode();
    }

    @Override
    public String toString() {
        return "RecordHeaders(headers = " + asList() + ", isReadOnly = " + readOnly + ")";
    }

    /** The headers of one key, read-only (use {@link #remove(String)} to drop them). */
    private final class WithKey implements Iterator<Header> {
        private final Iterator<Header> all;
        private final String key;
        private Header next;

        WithKey(Iterator<Header> all, String key) {
            this.all = all;
            this.key = key;
        }

        @Override
        public boolean hasNext() {
            while (next == null && all.hasNext()) {
                Header h = all.next();
                if (h.key().equals(key)) {
                    next = h;
                }
            }
            return next != null;
        }

        @Override
        public Header next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Header h = next;
            next = null;
            return h;
        }
    }
}
