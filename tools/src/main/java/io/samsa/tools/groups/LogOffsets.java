package io.samsa.tools.groups;

import io.samsa.clients.admin.ListOffsetsResult;
import io.samsa.clients.admin.OffsetSpec;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.TimeoutException;
import io.samsa.tools.cli.ClusterConnection;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Looks up the partitions' log offsets ({@code listOffsets}) for the lag and reset computations:
 * the log start or end, or the first offset at or after a time. A partition whose lookup failed
 * (its topic deleted meanwhile, no leader) is left out of the answer, and the caller says what that
 * means for it; a lookup by time that finds no record answers -1. A timeout is not a partition's
 * failure but the cluster's, and fails the lookup. Stateless.
 */
final class LogOffsets {

    private LogOffsets() {
    }

    static Map<TopicPartition, Long> earliest(ClusterConnection connection, Collection<TopicPartition> partitions)
            throws ExecutionException, InterruptedException {
        return lookUp(connection, partitions, OffsetSpec::earliest);
    }

    static Map<TopicPartition, Long> latest(ClusterConnection connection, Collection<TopicPartition> partitions)
            throws ExecutionException, InterruptedException {
        return lookUp(connection, partitions, OffsetSpec::latest);
    }

    static Map<TopicPartition, Long> atTime(ClusterConnection connection, Collection<TopicPartition> partitions, long timestamp)
            throws ExecutionException, InterruptedException {
        return lookUp(connection, partitions, () -> OffsetSpec.forTimestamp(timestamp));
    }

    private static Map<TopicPartition, Long> lookUp(ClusterConnection connection, Collection<TopicPartition> partitions,
                                                    Supplier<OffsetSpec> spec)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        if (partitions.isEmpty()) {
            return offsets;
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec.get()));
        ListOffsetsResult result = connection.admin().listOffsets(request);
        for (TopicPartition p : partitions) {
            try {
                offsets.put(p, connection.await(result.partitionResult(p)).offset());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TimeoutException) {
                    throw e;
                }
                // Left out: the caller shows "-" or refuses to plan this partition.
            }
        }
        return offsets;
    }
}
