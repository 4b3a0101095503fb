package io.samsa.zk;

/**
 * A value read from a znode together with the znode's data version, for conditional updates.
 * Immutable when the value is.
 */
public record Versioned<T>(T value, int version) {
}
