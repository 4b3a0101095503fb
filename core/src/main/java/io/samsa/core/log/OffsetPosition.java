package io.samsa.core.log;

/**
 * An offset and the file position of the batch that holds it (or of an earlier batch, for an
 * index entry). Immutable.
 */
public record OffsetPosition(long offset, int position) {
}
