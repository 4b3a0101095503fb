package io.samsa.common.header.internals;

import io.samsa.common.header.Header;
import io.samsa.common.header.Headers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The standard {@link Headers}: a list of headers that becomes read-only once
 * {@link #setReadOnly()} is called (the producer does so when a record is sent). Not thread-safe;
 * the read-only flag is volatile so that a producer thread that froze the headers makes later
 * changes fail in any thread.
 */
public final class RecordHeaders implements Headers {

    private static final Header[] NONE = new Header[0];

    private final List<Header> headers;
    private volatile boolean readOnly;

    /** No headers yet. */
    public RecordHeaders() {
        this.headers = new ArrayList<>();
    }

    /** Headers holding a copy of {@code headers} (null means none). */
    public RecordHeaders(Header[] headers) {
        this(headers == null ? null : Arrays.asList(headers));
    }

    /** Headers holding a copy of {@code headers} (null means none). */
    public RecordHeaders(Iterable<Header> headers) {
        this.headers = new ArrayList<>();
        if (headers != null) {
            for (Header h : headers) {
                this.headers.add(Objects.requireNonNull(h, "header"));
            }
        }
    }

    @Override
    public Headers add(Header header) {
        Objects.requireNonNull(header, "header");
        checkWritable();
        headers.add(header);
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
        headers.removeIf(h -> h.key().equals(key));
        return this;
    }

    @Override
    public Header lastHeader(String key) {
        requireKey(key);
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
        return () -> new WithKey(headers.iterator(), key);
    }

    @Override
    public Iterator<Header> iterator() {
        Iterator<Header> it = headers.iterator();
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
        return headers.isEmpty() ? NONE : headers.toArray(NONE);
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
        return o instanceof RecordHeaders other && headers.equals(other.headers);
    }

    @Override
    public int hashCode() {
        return headers.hashCode();
    }

    @Override
    public String toString() {
        return "RecordHeaders(headers = " + headers + ", isReadOnly = " + readOnly + ")";
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
