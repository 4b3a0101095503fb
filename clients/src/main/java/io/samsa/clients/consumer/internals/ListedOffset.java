package io.samsa.clients.consumer.internals;

import java.util.Optional;

/** A partition's offset found by ListOffsets: the offset, its record's timestamp, its leader epoch. Immutable. */
public record ListedOffset(long offset, long timestamp, Optional<Integer> leaderEpoch) {
}
