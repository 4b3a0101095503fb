package io.samsa.tools.topics;

import io.samsa.clients.admin.ListTopicsOptions;
import io.samsa.clients.admin.TopicListing;
import io.samsa.common.Uuid;
import io.samsa.tools.cli.ClusterConnection;
import io.samsa.tools.cli.DidYouMean;
import io.samsa.tools.cli.ToolFailure;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Finds the topics a command is about: the cluster's listing, internal topics included unless
 * excluded, narrowed to those the {@code --topic} argument matches, sorted by name. When a named
 * topic does not exist, says so plainly ({@code Topic 'x' does not exist}), with the nearest
 * names. Stateless.
 */
final class TopicFinder {

    private TopicFinder() {
    }

    /** Every topic, sorted by name; internal ones unless {@code excludeInternal}. */
    static List<TopicListing> all(ClusterConnection connection, boolean excludeInternal)
            throws ExecutionException, InterruptedException {
        Collection<TopicListing> listings = connection.await(connection.admin()
                .listTopics(new ListTopicsOptions().listInternal(!excludeInternal)).listings());
        return listings.stream().filter(l -> !(excludeInternal && l.isInternal()))
                .sorted(Comparator.comparing(TopicListing::name)).toList();
    }

    /** The topics of {@code all} that {@code filter} matches (all of them for no filter). */
    static List<TopicListing> matching(List<TopicListing> all, TopicFilter filter) {
        return filter == null ? all : all.stream().filter(l -> filter.matches(l.name())).toList();
    }

    /**
     * The topic of {@code all} with this id: none when there is none and {@code ifExists}.
     *
     * @throws ToolFailure {@code Topic id 'x' does not exist} when there is none and not {@code ifExists}
     */
    static List<TopicListing> withId(List<TopicListing> all, Uuid id, boolean ifExists) {
        List<TopicListing> found = all.stream().filter(l -> id.equals(l.topicId())).toList();
        if (found.isEmpty() && !ifExists) {
            throw new ToolFailure("Topic id '" + id + "' does not exist");
        }
        return found;
    }

    /**
     * Fails unless something matched, when a topic was named and {@code --if-exists} was not given.
     *
     * @throws ToolFailure {@code Topic 'x' does not exist} (or {@code No topic matches 'x*'})
     */
    static void requireFound(List<TopicListing> found, List<TopicListing> all, TopicFilter filter, boolean ifExists) {
        if (filter == null || ifExists || !found.isEmpty()) {
            return;
        }
        List<String> names = all.stream().map(TopicListing::name).toList();
        if (filter.isPattern()) {
            throw new ToolFailure("No topic matches '" + filter.argument() + "'");
        }
        throw new ToolFailure("Topic '" + filter.argument() + "' does not exist" + DidYouMean.hint(filter.argument(), names));
    }
}
