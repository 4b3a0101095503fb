package io.samsa.tools.cli;

import io.samsa.clients.admin.ListTopicsOptions;
import io.samsa.clients.admin.TopicListing;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;

/**
 * The cluster's topic names, for a tool that must say {@code Topic 'x' does not exist} (with the
 * nearest names) before it starts producing, consuming or moving. Stateless.
 */
public final class TopicLookup {

    private TopicLookup() {
    }

    /** Every topic's name, internal ones included, sorted. */
    public static Set<String> names(ClusterConnection connection) throws ExecutionException, InterruptedException {
        Collection<TopicListing> listings = connection.await(connection.admin()
                .listTopics(new ListTopicsOptions().listInternal(true)).listings());
        Set<String> names = new TreeSet<>();
        listings.forEach(l -> names.add(l.name()));
        return names;
    }

    /** {@code Topic 'x' does not exist; did you mean 'y'?} */
    public static ToolFailure notFound(String topic, Collection<String> names) {
        return new ToolFailure("Topic '" + topic + "' does not exist" + DidYouMean.hint(topic, names));
    }

    /** Fails with {@link #notFound} unless {@code topic} is one of the cluster's. */
    public static void requireExists(ClusterConnection connection, String topic) throws ExecutionException, InterruptedException {
        Set<String> names = names(connection);
        if (!names.contains(topic)) {
            throw notFound(topic, names);
        }
    }
}
