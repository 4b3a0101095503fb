package io.samsa.clients.admin;

/** Which records of a partition {@link Admin#deleteRecords} removes: those before an offset. Immutable. */
public class RecordsToDelete {

    private final long offset;

    private RecordsToDelete(long offset) {
        this.offset = offset;
    }

    /** Every record before {@code offset}; -1 means up to the high watermark. */
    public static RecordsToDelete beforeOffset(long offset) {
        return new RecordsToDelete(offset);
    }

    public long beforeOffset() {
        return offset;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordsToDelete that && offset == that.offset;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(offset);
    }

    @Override
    public String toString() {
        return "(beforeOffset=" + offset + ")";
    }
}
