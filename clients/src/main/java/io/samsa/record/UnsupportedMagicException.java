package io.samsa.record;

/**
 * Raised when a batch carries a magic byte other than 2. Samsa stores only the v2 RecordBatch
 * format, so {@link BatchIterator} and {@link RecordBatch} read nothing else; the v0/v1 message
 * sets of pre-0.11 clients are read by {@link LegacyMessageSet} and converted at the edges
 * ({@link LegacyUpConverter}, {@link LegacyDownConverter}). Immutable, so thread-safe.
 */
public class UnsupportedMagicException extends RecordFormatException {

    private static final long serialVersionUID = 1L;

    private final byte magic;

    public UnsupportedMagicException(byte magic, int position) {
        super("Unsupported record batch magic " + magic + " at position " + position
            + ": only magic " + BatchLayout.MAGIC_V2 + " (RecordBatch v2) is supported");
        this.magic = magic;
    }

    /** The magic byte that was found. */
    public byte magic() {
        return magic;
    }
}
