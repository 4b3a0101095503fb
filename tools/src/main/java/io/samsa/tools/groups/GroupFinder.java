package io.samsa.tools.groups;

import io.samsa.clients.admin.ConsumerGroupDescription;
import io.samsa.clients.admin.ConsumerGroupListing;
import io.samsa.clients.admin.ListConsumerGroupsOptions;
import io.samsa.common.ConsumerGroupState;
import io.samsa.common.GroupType;
import io.samsa.common.errors.GroupIdNotFoundException;
import io.samsa.tools.cli.ClusterConnection;
import io.samsa.tools.cli.DidYouMean;
import io.samsa.tools.cli.ToolFailure;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Finds the consumer groups a command is about: the cluster's listing, sorted by id, and the
 * descriptions of named groups. A group its coordinator does not know is described as
 * {@code Dead}, which this reports as {@code Consumer group 'x' does not exist} with the nearest
 * ids. Stateless.
 */
final class GroupFinder {

    private GroupFinder() {
    }

    /** Every consumer group (in the states given, or any for none), sorted by id. */
    static List<ConsumerGroupListing> list(ClusterConnection connection, Set<ConsumerGroupState> states)
            throws ExecutionException, InterruptedException {
        return list(connection, states, Set.of());
    }

    /** Every consumer group in the states and of the types given (any, for none), sorted by id. */
    static List<ConsumerGroupListing> list(ClusterConnection connection, Set<ConsumerGroupState> states,
                                           Set<GroupType> types) throws ExecutionException, InterruptedException {
        Collection<ConsumerGroupListing> listings = connection.await(connection.admin()
                .listConsumerGroups(new ListConsumerGroupsOptions().inStates(states).withTypes(types)).all());
        return listings.stream().sorted(Comparator.comparing(ConsumerGroupListing::groupId)).toList();
    }

    /** The ids of {@code --group}, or of every group for {@code --all-groups}. */
    static List<String> ids(ClusterConnection connection, ConsumerGroupCommandOptions options)
            throws ExecutionException, InterruptedException {
        if (!options.allGroups()) {
            return options.groups();
        }
        return list(connection, Set.of()).stream().map(ConsumerGroupListing::groupId).toList();
    }

    /**
     * The descriptions of groups that must exist, in the order given.
     *
     * @throws ToolFailure for the first group that does not exist
     */
    static Map<String, ConsumerGroupDescription> describeExisting(ClusterConnection connection, List<String> groupIds)
            throws ExecutionException, InterruptedException {
        Map<String, ConsumerGroupDescription> described = describe(connection, groupIds);
        for (String id : groupIds) {
            ConsumerGroupDescription d = described.get(id);
            if (d == null || d.state() == ConsumerGroupState.DEAD) {
                throw doesNotExist(connection, id);
            }
        }
        return described;
    }

    /** The descriptions of the groups, in the order given; null for a group the coordinator says is not there. */
    static Map<String, ConsumerGroupDescription> describe(ClusterConnection connection, List<String> groupIds)
            throws ExecutionException, InterruptedException {
        Map<String, ConsumerGroupDescription> described = new LinkedHashMap<>();
        if (groupIds.isEmpty()) {
            return described;
        }
        Map<String, CompletableFuture<ConsumerGroupDescription>> futures =
                connection.admin().describeConsumerGroups(groupIds).describedGroups();
        for (String id : groupIds) {
            try {
                described.put(id, connection.await(futures.get(id)));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw e;
                }
                described.put(id, null);
            }
        }
        return described;
    }

    /** {@code Consumer group 'x' does not exist}, with the nearest existing ids. */
    static ToolFailure doesNotExist(ClusterConnection connection, String groupId)
            throws ExecutionException, InterruptedException {
        return new ToolFailure("Consumer group '" + groupId + "' does not exist" + hint(connection, groupId));
    }

    /** {@code "; did you mean 'y'?"} from the cluster's group ids, or the empty string. */
    static String hint(ClusterConnection connection, String groupId) throws ExecutionException, InterruptedException {
        List<String> ids = list(connection, Set.of()).stream().map(ConsumerGroupListing::groupId).toList();
        return DidYouMean.hint(groupId, ids);
    }
}
