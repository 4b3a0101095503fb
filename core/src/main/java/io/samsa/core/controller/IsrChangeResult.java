package io.samsa.core.controller;

import io.samsa.common.Errors;

import java.util.List;

/**
 * The controller's answer to one {@link IsrChange}: the partition's state as written (leader,
 * leader epoch, ISR, partition epoch), or why it was refused. Immutable.
 */
public record IsrChangeResult(Errors error, int leader, int leaderEpoch, List<Integer> isr, int partitionEpoch) {

    public IsrChangeResult {
        isr = List.copyOf(isr);
    }

    static IsrChangeResult refused(Errors error) {
        return new IsrChangeResult(error, -1, -1, List.of(), -1);
    }
}
