package io.samsa.clients.internals;

import io.samsa.common.Cluster;
import io.samsa.common.Errors;
import io.samsa.common.Node;
import io.samsa.common.PartitionInfo;
import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import io.samsa.common.Uuid;
import io.samsa.common.errors.InterruptException;
import io.samsa.protocol.message.MetadataResponse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a client knows of the cluster and which topics it wants to know about: the latest
 * {@link Cluster}, refreshed every {@code metadata.max.age.ms} or sooner when someone asks (an
 * unknown topic, NOT_LEADER, a changed leader epoch). A partition's information is never replaced
 * by an answer carrying an older leader epoch, so a lagging broker cannot send the client back in
 * time. Thread-safe: application threads read and ask; the I/O thread updates.
 */
public final class ClientMetadata {

    private final Time time;
    private final long maxAgeMs;
    private final long refreshBackoffMs;
    private volatile Cluster cluster;
    private final Set<String> topics = new HashSet<>();
    private final Map<TopicPartition, Integer> leaderEpochs = new HashMap<>();
    private final Map<String, Errors> topicErrors = new HashMap<>();
    private boolean allTopics;
    private boolean updateRequested = true;
    private long lastRefreshMs;
    private long lastAttemptMs;
    private int version;

    public ClientMetadata(List<Node> bootstrap, long maxAgeMs, long refreshBackoffMs, Time time) {
        this.time = time;
        this.maxAgeMs = maxAgeMs;
        this.refreshBackoffMs = refreshBackoffMs;
        this.cluster = Cluster.bootstrap(bootstrap);
    }

    public Cluster cluster() {
        return cluster;
    }

    /** Bumped by every successful update; pair with {@link #awaitUpdate}. */
    public synchronized int version() {
        return version;
    }

    /** Whether an answer from a broker has replaced the bootstrap addresses. */
    public synchronized boolean isBootstrapped() {
        return version > 0;
    }

    /** Adds topics to those the client follows; a new one asks for an update. */
    public synchronized void addTopics(Collection<String> wanted) {
        if (topics.addAll(wanted)) {
            updateRequested = true;
        }
    }

    /** Follows exactly these topics (a consumer's subscription). */
    public synchronized void setTopics(Collection<String> wanted) {
        if (!topics.equals(new HashSet<>(wanted))) {
            topics.clear();
            topics.addAll(wanted);
            updateRequested = true;
        }
    }

    public synchronized Set<String> topics() {
        return Set.copyOf(topics);
    }

    /** Asks for every topic in the cluster (pattern subscriptions, listTopics). */
    public synchronized void setAllTopics(boolean all) {
        if (all != allTopics) {
            allTopics = all;
            updateRequested = true;
        }
    }

    public synchronized boolean wantsAllTopics() {
        return allTopics;
    }

    /** Refresh soon (subject to the refresh back-off); returns the version to wait past. */
    public synchronized int requestUpdate() {
        updateRequested = true;
        return version;
    }

    /** Milliseconds until the next refresh is due (0: now). */
    public synchronized long timeToNextUpdateMs(long nowMs) {
        long backoff = Math.max(0, lastAttemptMs + refreshBackoffMs - nowMs);
        long expiry = updateRequested ? 0 : Math.max(0, lastRefreshMs + maxAgeMs - nowMs);
        return Math.max(backoff, expiry);
    }

    /** A refresh is being sent now. */
    public synchronized void attempting(long nowMs) {
        lastAttemptMs = nowMs;
    }

    /** The refresh failed; try again after the back-off. */
    public synchronized void failedUpdate(long nowMs) {
        lastAttemptMs = nowMs;
        updateRequested = true;
    }

    /** The last error a broker reported for {@code topic}, if it reported one. */
    public synchronized Optional<Errors> topicError(String topic) {
        return Optional.ofNullable(topicErrors.get(topic));
    }

    /** The leader epoch of the partition's latest metadata, if known. */
    public synchronized Optional<Integer> leaderEpoch(TopicPartition tp) {
        return Optional.ofNullable(leaderEpochs.get(tp));
    }

    /**
     * Takes a Metadata answer. Partitions of topics the answer leaves out keep what was known
     * (a partial refresh) unless every topic was asked for.
     */
    public synchronized void update(MetadataResponse response, boolean wasAllTopics, long nowMs) {
        Map<Integer, Node> nodes = new HashMap<>();
        for (MetadataResponse.MetadataResponseBroker b : response.brokers()) {
            nodes.put(b.nodeId(), new Node(b.nodeId(), b.host(), b.port(), b.rack()));
        }
        Cluster previous = cluster;
        Map<TopicPartition, PartitionInfo> partitions = new HashMap<>();
        Map<String, Uuid> topicIds = new HashMap<>();
        Set<String> answered = new HashSet<>();
        Set<String> unauthorized = new HashSet<>();
        Set<String> internal = new HashSet<>();
        boolean retry = false;
        for (MetadataResponse.MetadataResponseTopic t : response.topics()) {
            Errors error = Errors.forCode(t.errorCode());
            answered.add(t.name());
            if (error == Errors.NONE) {
                topicErrors.remove(t.name());
            } else {
                topicErrors.put(t.name(), error);
                retry |= error.retriable();
            }
            if (error == Errors.TOPIC_AUTHORIZATION_FAILED) {
                unauthorized.add(t.name());
            }
            if (t.isInternal()) {
                internal.add(t.name());
            }
            if (t.topicId() != null && !Uuid.ZERO.equals(t.topicId())) {
                topicIds.put(t.name(), t.topicId());
            }
            for (MetadataResponse.MetadataResponsePartition p : t.partitions()) {
                TopicPartition tp = new TopicPartition(t.name(), p.partitionIndex());
                Integer known = leaderEpochs.get(tp);
                PartitionInfo old = previous.partition(tp);
                if (known != null && p.leaderEpoch() >= 0 && p.leaderEpoch() < known && old != null) {
                    // An older view than the one we hold: keep ours, and look again.
                    partitions.put(tp, old);
                    retry = true;
                    continue;
                }
                if (p.leaderEpoch() >= 0) {
                    leaderEpochs.put(tp, p.leaderEpoch());
                }
                partitions.put(tp, partitionInfo(t.name(), p, nodes));
                Errors pe = Errors.forCode(p.errorCode());
                retry |= pe == Errors.LEADER_NOT_AVAILABLE;
            }
        }
        if (!wasAllTopics) {
            for (String topic : previous.topics()) {
                if (!answered.contains(topic) && topics.contains(topic)) {
                    for (PartitionInfo p : previous.partitionsForTopic(topic)) {
                        partitions.put(new TopicPartition(topic, p.partition()), p);
                    }
                    Uuid id = previous.topicId(topic);
                    if (id != null) {
                        topicIds.put(topic, id);
                    }
                }
            }
        }
        leaderEpochs.keySet().removeIf(tp -> !partitions.containsKey(tp));
        Node controller = nodes.get(response.controllerId());
        cluster = new Cluster(response.clusterId(), new ArrayList<>(nodes.values()), partitions.values(), unauthorized,
                internal, controller, topicIds);
        version++;
        lastRefreshMs = nowMs;
        lastAttemptMs = nowMs;
        updateRequested = retry;
        notifyAll();
    }

    private static PartitionInfo partitionInfo(String topic, MetadataResponse.MetadataResponsePartition p, Map<Integer, Node> nodes) {
        Node leader = nodes.get(p.leaderId());
        return new PartitionInfo(topic, p.partitionIndex(), leader, nodesOf(p.replicaNodes(), nodes), nodesOf(p.isrNodes(), nodes),
                nodesOf(p.offlineReplicas(), nodes));
    }

    private static Node[] nodesOf(List<Integer> ids, Map<Integer, Node> nodes) {
        Node[] out = new Node[ids.size()];
        for (int i = 0; i < out.length; i++) {
            Node n = nodes.get(ids.get(i));
            // A replica on a broker that is down is still named, as Kafka's clients do.
            out[i] = n != null ? n : new Node(ids.get(i), "", -1);
        }
        return out;
    }

    /**
     * Blocks until the metadata version passes {@code lastVersion} or {@code timeoutMs} passes;
     * returns whether it did.
     */
    public synchronized boolean awaitUpdate(int lastVersion, long timeoutMs) {
        long deadline = time.hiResClockMs() + timeoutMs;
        try {
            while (version <= lastVersion) {
                long left = deadline - time.hiResClockMs();
                if (left <= 0) {
                    return false;
                }
                wait(left);
            }
            return true;
        } catch (InterruptedException e) {
            throw new InterruptException(e);
        }
    }
}
