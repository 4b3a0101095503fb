package io.samsa.core.log;

/** An index file whose contents cannot be right; the segment's indexes are rebuilt from its log. */
public final class CorruptIndexException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CorruptIndexException(String message) {
        super(message);
    }
}
