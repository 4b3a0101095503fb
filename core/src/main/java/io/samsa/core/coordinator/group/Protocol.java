package io.samsa.core.coordinator.group;

/** One protocol (assignor) a member supports, with its protocol-specific metadata. Immutable. */
public record Protocol(String name, byte[] metadata) {
}
