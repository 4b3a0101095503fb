package io.samsa.core.controller;

import io.samsa.common.TopicPartition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** The work items of the controller's event thread; each is processed alone, in arrival order. Immutable. */
interface ControllerEvent {

    /** This broker won the election. */
    record BecameController(int epoch, int epochZkVersion) implements ControllerEvent {
    }

    /** This broker is no longer controller (session lost, deposed, or shutting down). */
    record Resign() implements ControllerEvent {
    }

    /** A registered broker's listener refuses connections: its process is gone. */
    record BrokerUnreachable(int brokerId, long brokerEpoch) implements ControllerEvent {
    }

    /** The children of {@code /brokers/ids} changed. */
    record BrokerChange() implements ControllerEvent {
    }

    /** The children of {@code /brokers/topics} changed. */
    record TopicChange() implements ControllerEvent {
    }

    /** A topic's assignment znode changed (partitions may have been added). */
    record PartitionModifications(String topic) implements ControllerEvent {
    }

    /** The children of {@code /admin/delete_topics} changed. */
    record TopicDeletion() implements ControllerEvent {
    }

    /** The children of {@code /isr_change_notification} changed. */
    record IsrChangeNotification() implements ControllerEvent {
    }

    /** A broker asks to move leadership away before it stops; completes with the partitions it still leads. */
    record ControlledShutdown(int brokerId, long brokerEpoch, CompletableFuture<Set<TopicPartition>> result) implements ControllerEvent {
    }

    /** A partition leader asks to change ISRs (KIP-497); completes with each partition's outcome. */
    record AlterPartition(int brokerId, long brokerEpoch, List<IsrChange> changes,
                          CompletableFuture<Map<TopicPartition, IsrChangeResult>> result) implements ControllerEvent {
    }

    /** AlterPartitionReassignments: target replicas per partition, empty to cancel; completes with each partition's outcome. */
    record AlterPartitionReassignments(Map<TopicPartition, Optional<List<Integer>>> reassignments,
                                       CompletableFuture<Map<TopicPartition, ReassignmentResult>> result) implements ControllerEvent {
    }

    /** ListPartitionReassignments: the reassignments in progress of these partitions, or of all when empty. */
    record ListPartitionReassignments(Optional<Set<TopicPartition>> partitions,
                                      CompletableFuture<SortedMap<TopicPartition, ReplicaAssignment>> result) implements ControllerEvent {
    }

    /** ElectLeaders: elections of these partitions, or of all when empty; completes with each partition's outcome. */
    record ElectLeaders(Optional<Set<TopicPartition>> partitions, ElectionType type,
                        CompletableFuture<Map<TopicPartition, ElectionOutcome>> result) implements ControllerEvent {
    }

    /** A broker answered LeaderAndIsr with KAFKA_STORAGE_ERROR for these partitions: their replicas there are offline. */
    record ReplicasOnOfflineDirs(int brokerId, long brokerEpoch, Set<TopicPartition> partitions) implements ControllerEvent {
    }

    /** The children of {@code /log_dir_event_notification} changed: a broker announced a failed log dir. */
    record LogDirEventNotification() implements ControllerEvent {
    }

    /** Time for the periodic leader balance check ({@code auto.leader.rebalance.enable}). */
    record LeaderBalanceCheck() implements ControllerEvent {
    }

    /** {@code /admin/reassign_partitions} was created, changed or deleted. */
    record ZkPartitionReassignment() implements ControllerEvent {
    }

    /** Runs a read of the context on the event thread. */
    record Query<T>(Function<ControllerContext, T> reader, CompletableFuture<T> result) implements ControllerEvent {
        void run(ControllerContext context) {
            try {
                result.complete(reader.apply(context));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }
    }
}
