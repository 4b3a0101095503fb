package io.samsa.core.admin;

import io.samsa.common.Errors;
import io.samsa.common.Uuid;
import io.samsa.zk.BrokerInfo;
import io.samsa.zk.SamsaZkClient;
import io.samsa.zk.TopicAssignment;
import io.samsa.zk.TopicExistsException;
import io.samsa.zk.Versioned;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Topic administration as a ZooKeeper-mode Kafka broker does it for CreateTopics, CreatePartitions
 * and DeleteTopics: validate, compute replica assignments, and write the request to ZooKeeper. The
 * controller then acts on it through its watches; callers wait for the result (e.g. in their
 * metadata cache). Failures are {@link AdminException}s carrying the Kafka error. Thread-safe.
 */
public final class TopicAdmin {

    /** Kafka's limit: a partition directory name {@code <topic>-<partition>} must fit in 255 bytes. */
    public static final int MAX_TOPIC_NAME_LENGTH = 249;
    private static final int MAX_WRITE_ATTEMPTS = 5;

    private final SamsaZkClient zk;
    private final ReplicaAssignor assignor;

    public TopicAdmin(SamsaZkClient zk, ReplicaAssignor assignor) {
        this.zk = zk;
        this.assignor = assignor;
    }

    /**
     * Creates a topic with replicas placed by {@link ReplicaAssignor} over the registered brokers.
     * The caller resolves -1 (broker defaults) and validates {@code configs} first.
     *
     * @return the topic's id and assignment (what was, or with {@code validateOnly} would be, written)
     * @throws AdminException INVALID_TOPIC_EXCEPTION, TOPIC_ALREADY_EXISTS, INVALID_PARTITIONS,
     *     INVALID_REPLICATION_FACTOR
     */
    public TopicAssignment createTopic(String topic, int partitions, int replicationFactor, Map<String, String> configs,
                                       boolean validateOnly) {
        validateNewTopicName(topic);
        Collection<BrokerInfo> brokers = zk.brokers().getAll().values();
        Map<Integer, List<Integer>> assignment = assignor.assign(brokers, partitions, replicationFactor);
        return write(topic, assignment, configs, validateOnly);
    }

    /**
     * Creates a topic with explicit replica assignments (CreateTopics' {@code assignments}).
     *
     * @throws AdminException as {@link #createTopic(String, int, int, Map, boolean)}, and
     *     INVALID_REPLICA_ASSIGNMENT
     */
    public TopicAssignment createTopic(String topic, Map<Integer, List<Integer>> assignment, Map<String, String> configs,
                                       boolean validateOnly) {
        validateNewTopicName(topic);
        if (assignment.isEmpty()) {
            throw new AdminException(Errors.INVALID_REPLICA_ASSIGNMENT, "The replica assignment is empty.");
        }
        Set<Integer> live = zk.brokers().getAll().keySet();
        Set<Integer> ids = new TreeSet<>(assignment.keySet());
        int expected = 0;
        for (int p : ids) {
            if (p != expected++) {
                throw new AdminException(Errors.INVALID_REPLICA_ASSIGNMENT,
                        "Partitions should be a consecutive 0-based integer sequence, but got " + ids + ".");
            }
        }
        int replicationFactor = assignment.get(0).size();
        for (Map.Entry<Integer, List<Integer>> e : assignment.entrySet()) {
            validateReplicas(e.getKey(), e.getValue(), live);
            if (e.getValue().size() != replicationFactor) {
                throw new AdminException(Errors.INVALID_REPLICA_ASSIGNMENT, "All partitions should have the same number of replicas.");
            }
        }
        return write(topic, assignment, configs, validateOnly);
    }

    private TopicAssignment write(String topic, Map<Integer, List<Integer>> assignment, Map<String, String> configs,
                                  boolean validateOnly) {
        TopicAssignment topicAssignment = TopicAssignment.of(topic, Uuid.randomUuid(), assignment);
        if (!validateOnly) {
            try {
                zk.topics().create(topicAssignment, configs);
            } catch (TopicExistsException e) {
                throw new AdminException(Errors.TOPIC_ALREADY_EXISTS, e.getMessage());
            }
        }
        return topicAssignment;
    }

    /**
     * Asks the controller to delete the topic; it is gone when its znode is (see
     * {@link #topicExists}). Deleting a topic already being deleted is not an error.
     *
     * @throws AdminException UNKNOWN_TOPIC_OR_PARTITION if there is no such topic
     */
    public void deleteTopic(String topic) {
        if (!zk.topics().exists(topic)) {
            throw new AdminException(Errors.UNKNOWN_TOPIC_OR_PARTITION, "This server does not host this topic-partition.");
        }
        zk.topics().markForDeletion(topic);
    }

    public boolean topicExists(String topic) {
        return zk.topics().exists(topic);
    }

    /**
     * Grows a topic to {@code totalCount} partitions (CreatePartitions), placing the new replicas
     * with {@link ReplicaAssignor} unless {@code newAssignments} (one replica list per new partition)
     * is given.
     *
     * @return the topic's whole new assignment
     * @throws AdminException UNKNOWN_TOPIC_OR_PARTITION, INVALID_TOPIC_EXCEPTION (being deleted),
     *     INVALID_PARTITIONS, INVALID_REPLICA_ASSIGNMENT, INVALID_REPLICATION_FACTOR
     */
    public TopicAssignment createPartitions(String topic, int totalCount, List<List<Integer>> newAssignments, boolean validateOnly) {
        for (int attempt = 1; ; attempt++) {
            Versioned<TopicAssignment> current = zk.topics().get(topic, null).orElseThrow(() ->
                    new AdminException(Errors.UNKNOWN_TOPIC_OR_PARTITION, "The topic '" + topic + "' does not exist."));
            if (zk.topics().isMarkedForDeletion(topic)) {
                throw new AdminException(Errors.INVALID_TOPIC_EXCEPTION, "The topic '" + topic + "' is marked for deletion.");
            }
            if (current.value().isBeingReassigned()) {
                // As Kafka: the controller rewrites this znode while it moves partitions.
                throw new AdminException(Errors.REASSIGNMENT_IN_PROGRESS, "A partition reassignment is in progress for the topic '"
                        + topic + "'.");
            }
            TopicAssignment updated = grow(current.value(), totalCount, newAssignments);
            if (validateOnly || zk.topics().setAssignment(updated, current.version())) {
                return updated;
            }
            if (attempt >= MAX_WRITE_ATTEMPTS) {
                throw new AdminException(Errors.UNKNOWN_SERVER_ERROR, "The assignment of '" + topic + "' kept changing; try again.");
            }
        }
    }

    private TopicAssignment grow(TopicAssignment existing, int totalCount, List<List<Integer>> newAssignments) {
        SortedMap<Integer, List<Integer>> partitions = existing.partitions();
        int currentCount = partitions.size();
        if (totalCount < currentCount) {
            throw new AdminException(Errors.INVALID_PARTITIONS,
                    "Topic currently has " + currentCount + " partitions, which is higher than the requested " + totalCount + ".");
        }
        if (totalCount == currentCount) {
            throw new AdminException(Errors.INVALID_PARTITIONS, "Topic already has " + currentCount + " partitions.");
        }
        int toAdd = totalCount - currentCount;
        List<Integer> partitionZero = partitions.get(0);
        int replicationFactor = partitionZero.size();
        Map<Integer, BrokerInfo> brokers = zk.brokers().getAll();
        Map<Integer, List<Integer>> added = new LinkedHashMap<>();
        if (newAssignments != null) {
            if (newAssignments.size() != toAdd) {
                throw new AdminException(Errors.INVALID_REPLICA_ASSIGNMENT, "Increasing the number of partitions by " + toAdd
                        + " but " + newAssignments.size() + " assignments provided.");
            }
            for (int i = 0; i < toAdd; i++) {
                List<Integer> replicas = newAssignments.get(i);
                validateReplicas(currentCount + i, replicas, brokers.keySet());
                if (replicas.size() != replicationFactor) {
                    throw new AdminException(Errors.INVALID_REPLICA_ASSIGNMENT, "Inconsistent replication factor between partitions, "
                            + "partition 0 has " + replicationFactor + " while partition " + (currentCount + i) + " has " + replicas.size() + ".");
                }
                added.put(currentCount + i, replicas);
            }
        } else {
            // Kafka starts from partition 0's first replica so that new partitions continue the pattern.
            added = assignor.assign(brokers.values(), toAdd, replicationFactor, partitionZero.get(0), currentCount);
        }
        Map<Integer, List<Integer>> all = new LinkedHashMap<>(partitions);
        all.putAll(added);
        return existing.withPartitions(all);
    }

    private static void validateReplicas(int partition, List<Integer> replicas, Set<Integer> liveBrokers) {
        if (replicas == null || replicas.isEmpty()) {
            throw new AdminException(Errors.INVALID_REPLICA_ASSIGNMENT, "Partition " + partition + " has no replicas.");
        }
        if (new HashSet<>(replicas).size() != replicas.size()) {
            throw new AdminException(Errors.INVALID_REPLICA_ASSIGNMENT,
                    "Duplicate replica assignment found for partition " + partition + ": " + replicas + ".");
        }
        List<Integer> unknown = new ArrayList<>();
        for (int r : replicas) {
            if (!liveBrokers.contains(r)) {
                unknown.add(r);
            }
        }
        if (!unknown.isEmpty()) {
            throw new AdminException(Errors.INVALID_REPLICA_ASSIGNMENT, "Unknown broker(s) in replica assignment: " + unknown + ".");
        }
    }

    /**
     * Kafka's topic name rules, plus the check that the name does not collide with an existing
     * topic once '.' and '_' are treated alike (their metric names would clash).
     */
    private void validateNewTopicName(String topic) {
        validateTopicName(topic);
        if (zk.topics().exists(topic)) {
            throw new AdminException(Errors.TOPIC_ALREADY_EXISTS, "Topic '" + topic + "' already exists.");
        }
        if (topic.contains(".") || topic.contains("_")) {
            String normalized = topic.replace('.', '_');
            for (String existing : zk.topics().names(null)) {
                if (existing.replace('.', '_').equals(normalized)) {
                    throw new AdminException(Errors.INVALID_TOPIC_EXCEPTION,
                            "Topic '" + topic + "' collides with existing topic: " + existing);
                }
            }
        }
    }

    /** @throws AdminException INVALID_TOPIC_EXCEPTION if the name is not a legal Kafka topic name */
    public static void validateTopicName(String topic) {
        if (topic == null || topic.isEmpty()) {
            throw new AdminException(Errors.INVALID_TOPIC_EXCEPTION, "Topic name is illegal, it can't be empty");
        }
        if (topic.equals(".") || topic.equals("..")) {
            throw new AdminException(Errors.INVALID_TOPIC_EXCEPTION, "Topic name cannot be \".\" or \"..\"");
        }
        if (topic.length() > MAX_TOPIC_NAME_LENGTH) {
            throw new AdminException(Errors.INVALID_TOPIC_EXCEPTION, "Topic name is illegal, it can't be longer than "
                    + MAX_TOPIC_NAME_LENGTH + " characters, topic name: " + topic);
        }
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
            if (!ok) {
                throw new AdminException(Errors.INVALID_TOPIC_EXCEPTION, "Topic name \"" + topic
                        + "\" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'");
            }
        }
    }
}
