package io.samsa.core.controller;

import com.codahale.metrics.Meter;
import com.codahale.metrics.Timer;
import io.samsa.core.metrics.BrokerMetrics;
import io.samsa.core.metrics.KafkaMetricName;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Kafka's {@code kafka.controller:type=KafkaController} gauges: ActiveControllerCount (1 on the
 * active controller, 0 elsewhere, so a healthy cluster sums to 1) and, on the active controller,
 * OfflinePartitionsCount (partitions with no live leader, topics being deleted aside),
 * GlobalTopicCount and GlobalPartitionCount (partitions with a leadership state). As in Kafka the
 * counts are taken on the controller's event thread after every event ({@link #update}) and read
 * from volatile fields, so a JMX read never touches the controller's state. Also Kafka's
 * {@code ControllerStats}: a rate-and-time timer per kind of event and UncleanLeaderElectionsPerSec.
 * Thread-safe.
 */
public final class ControllerMetrics {

    private static final String GROUP = "kafka.controller";
    private static final String TYPE = "KafkaController";

    private static final String STATS = "ControllerStats";
    /** The ControllerStats timer of each kind of event, after the controller state Kafka times it under. */
    private static final Map<Class<?>, String> TIMED_EVENTS = Map.ofEntries(
            Map.entry(ControllerEvent.BrokerChange.class, "LeaderElectionRateAndTimeMs"),
            Map.entry(ControllerEvent.BrokerUnreachable.class, "LeaderElectionRateAndTimeMs"),
            Map.entry(ControllerEvent.TopicChange.class, "TopicChangeRateAndTimeMs"),
            Map.entry(ControllerEvent.PartitionModifications.class, "TopicChangeRateAndTimeMs"),
            Map.entry(ControllerEvent.TopicDeletion.class, "TopicDeletionRateAndTimeMs"),
            Map.entry(ControllerEvent.IsrChangeNotification.class, "IsrChangeRateAndTimeMs"),
            Map.entry(ControllerEvent.AlterPartition.class, "IsrChangeRateAndTimeMs"),
            Map.entry(ControllerEvent.ControlledShutdown.class, "ControlledShutdownRateAndTimeMs"),
            Map.entry(ControllerEvent.AlterPartitionReassignments.class, "PartitionReassignmentRateAndTimeMs"),
            Map.entry(ControllerEvent.ZkPartitionReassignment.class, "PartitionReassignmentRateAndTimeMs"),
            Map.entry(ControllerEvent.LeaderBalanceCheck.class, "AutoLeaderBalanceRateAndTimeMs"),
            Map.entry(ControllerEvent.ElectLeaders.class, "ManualLeaderBalanceRateAndTimeMs"),
            Map.entry(ControllerEvent.LogDirEventNotification.class, "LogDirChangeRateAndTimeMs"),
            Map.entry(ControllerEvent.ReplicasOnOfflineDirs.class, "LogDirChangeRateAndTimeMs"),
            Map.entry(ControllerEvent.BecameController.class, "ControllerChangeRateAndTimeMs"),
            Map.entry(ControllerEvent.Resign.class, "ControllerChangeRateAndTimeMs"));

    private final Meter uncleanElections;
    /** The timer of each kind of timed event, made up front as Kafka makes them (a zero rather than no series). */
    private final Map<Class<?>, Timer> timers = new HashMap<>();
    private volatile int offlinePartitions;
    private volatile int topics;
    private volatile int partitions;

    public ControllerMetrics(BrokerMetrics metrics, BooleanSupplier isActive) {
        this.uncleanElections = metrics.meter(KafkaMetricName.of(GROUP, STATS, "UncleanLeaderElectionsPerSec"));
        TIMED_EVENTS.forEach((event, name) -> timers.put(event, metrics.timer(KafkaMetricName.of(GROUP, STATS, name))));
        metrics.gauge(name("ActiveControllerCount"), () -> isActive.getAsBoolean() ? 1 : 0);
        metrics.gauge(name("OfflinePartitionsCount"), () -> offlinePartitions);
        metrics.gauge(name("GlobalTopicCount"), () -> topics);
        metrics.gauge(name("GlobalPartitionCount"), () -> partitions);
    }

    private static KafkaMetricName name(String name) {
        return KafkaMetricName.of(GROUP, TYPE, name);
    }

    /**
     * Kafka's {@code kafka.controller:type=ControllerStats} timer for the kind of event: the
     * controller state Kafka times it under ({@code LeaderElectionRateAndTimeMs} for a broker
     * failure or return, {@code TopicChangeRateAndTimeMs}, {@code IsrChangeRateAndTimeMs}, ...), or
     * null for events Kafka does not time (queries).
     */
    Timer timerFor(ControllerEvent event) {
        return timers.get(event.getClass());
    }

    /** A leader was elected from outside the ISR (it may lack acknowledged records). */
    void uncleanElection() {
        uncleanElections.mark();
    }

    /** Takes the counts from the context; zero when this broker is not the active controller. Event thread only. */
    void update(ControllerContext context, boolean active) {
        offlinePartitions = active ? context.offlinePartitionCount() : 0;
        topics = active ? context.topics().size() : 0;
        partitions = active ? context.partitionsWithStateCount() : 0;
    }
}
