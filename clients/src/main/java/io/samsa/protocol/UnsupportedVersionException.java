package io.samsa.protocol;

/**
 * A message cannot be written at the chosen version without losing information: a field the
 * version lacks holds a value other than its default and is not ignorable, or a field holds null
 * where the version cannot encode null. Also thrown for a version a message does not have.
 */
public class UnsupportedVersionException extends RuntimeException {

    public UnsupportedVersionException(String message) {
        super(message);
    }
}
