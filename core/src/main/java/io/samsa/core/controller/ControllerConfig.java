package io.samsa.core.controller;

/**
 * The broker settings the controller needs. Immutable.
 *
 * @param brokerId this broker's {@code broker.id}
 * @param uncleanLeaderElectionEnable {@code unclean.leader.election.enable}: elect an out-of-sync
 *     replica when no ISR member is alive (may lose data; default false)
 * @param deleteTopicEnable {@code delete.topic.enable} (default true); when false, deletion markers are removed unheeded
 */
public record ControllerConfig(int brokerId, boolean uncleanLeaderElectionEnable, boolean deleteTopicEnable) {

    /** Kafka's defaults. */
    public static ControllerConfig defaults(int brokerId) {
        return new ControllerConfig(brokerId, false, true);
    }
}
