package io.samsa.core.controller;

/**
 * The broker settings the controller needs. Immutable.
 *
 * @param brokerId this broker's {@code broker.id}
 * @param uncleanLeaderElectionEnable {@code unclean.leader.election.enable}: elect an out-of-sync
 *     replica when no ISR member is alive (may lose data; default false)
 * @param deleteTopicEnable {@code delete.topic.enable} (default true); when false, deletion markers are removed unheeded
 * @param leaderImbalancePerBrokerPercentage {@code leader.imbalance.per.broker.percentage}: a broker
 *     whose preferred partitions are led elsewhere more than this share of the time gets them back
 *     at the next leader balance check (default 10)
 */
public record ControllerConfig(int brokerId, boolean uncleanLeaderElectionEnable, boolean deleteTopicEnable,
                               int leaderImbalancePerBrokerPercentage) {

    /** Kafka's defaults. */
    public static ControllerConfig defaults(int brokerId) {
        return new ControllerConfig(brokerId, false, true, 10);
    }
}
