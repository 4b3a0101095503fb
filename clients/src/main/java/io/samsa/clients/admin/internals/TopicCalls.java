package io.samsa.clients.admin.internals;

import io.samsa.clients.admin.Config;
import io.samsa.clients.admin.ConfigEntry;
import io.samsa.clients.admin.CreateTopicsResult.TopicMetadataAndConfig;
import io.samsa.clients.admin.NewPartitions;
import io.samsa.clients.admin.NewTopic;
import io.samsa.clients.internals.ClientRequest;
import io.samsa.clients.internals.ClientResponse;
import io.samsa.common.Errors;
import io.samsa.common.Uuid;
import io.samsa.common.errors.NotControllerException;
import io.samsa.common.errors.UnsupportedVersionException;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.CreatePartitionsRequest;
import io.samsa.protocol.message.CreatePartitionsResponse;
import io.samsa.protocol.message.CreateTopicsRequest;
import io.samsa.protocol.message.CreateTopicsResponse;
import io.samsa.protocol.message.DeleteTopicsRequest;
import io.samsa.protocol.message.DeleteTopicsResponse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Creating and deleting topics and adding partitions: requests to the controller, one result per
 * topic. NOT_CONTROLLER (the controller moved) sends the whole request again to the new one after
 * a metadata refresh; every other per-topic error fails that topic with its exception
 * (TopicExistsException, InvalidPartitionsException, ...). Listing and describing topics is in
 * {@link TopicMetadataCalls}. Thread-safe: each call's state lives on the I/O thread.
 */
public final class TopicCalls {

    private final CallRunner runner;

    public TopicCalls(CallRunner runner) {
        this.runner = runner;
    }

    /** Creates {@code topics}; per topic, what the controller reports of it. */
    public Map<String, CompletableFuture<TopicMetadataAndConfig>> create(Collection<NewTopic> topics, boolean validateOnly,
                                                                          Integer timeoutMs) {
        Map<String, NewTopic> byName = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (NewTopic t : topics) {
            names.add(t.name());
            if (Keys.representable(t.name())) {
                byName.putIfAbsent(t.name(), t);
            }
        }
        Map<String, CompletableFuture<TopicMetadataAndConfig>> called = runner.call("createTopics",
                runner.deadline(timeoutMs), byName.keySet(), Router.to(Destination.controller()),
                new CreateTopics(byName, validateOnly));
        return Keys.merge(names, called, Keys::unrepresentable);
    }

    /** Deletes the topics named. */
    public Map<String, CompletableFuture<Void>> delete(Collection<String> topics, Integer timeoutMs) {
        Map<String, CompletableFuture<Void>> called = runner.call("deleteTopics", runner.deadline(timeoutMs),
                Keys.valid(topics, Keys::representable), Router.to(Destination.controller()), new DeleteTopics());
        return Keys.merge(topics, called, Keys::unrepresentable);
    }

    /** Grows each topic to its new partition count. */
    public Map<String, CompletableFuture<Void>> createPartitions(Map<String, NewPartitions> partitions, boolean validateOnly,
                                                                 Integer timeoutMs) {
        Map<String, CompletableFuture<Void>> called = runner.call("createPartitions", runner.deadline(timeoutMs),
                Keys.valid(partitions.keySet(), Keys::representable), Router.to(Destination.controller()),
                new CreatePartitions(partitions, validateOnly));
        return Keys.merge(partitions.keySet(), called, Keys::unrepresentable);
    }

    /** Reroutes every topic of an answer that has NOT_CONTROLLER anywhere; returns whether it did. */
    private static boolean notController(List<Short> errorCodes, Outcomes<String, ?> out) {
        if (errorCodes.contains(Errors.NOT_CONTROLLER.code())) {
            out.rerouteAll(new NotControllerException("The controller moved"));
            return true;
        }
        return false;
    }

    record CreateTopics(Map<String, NewTopic> topics, boolean validateOnly)
            implements Fulfiller<String, TopicMetadataAndConfig> {

        @Override
        public ClientRequest request(Destination destination, Set<String> keys, int timeoutMs) {
            List<CreateTopicsRequest.CreatableTopic> list = new ArrayList<>();
            boolean brokerDefaults = false;
            for (String name : keys) {
                NewTopic t = topics.get(name);
                List<CreateTopicsRequest.CreatableReplicaAssignment> assignments = new ArrayList<>();
                if (t.replicasAssignments() != null) {
                    t.replicasAssignments().forEach((p, replicas) -> assignments.add(
                            new CreateTopicsRequest.CreatableReplicaAssignment().setPartitionIndex(p).setBrokerIds(new ArrayList<>(replicas))));
                } else {
                    brokerDefaults |= t.numPartitions() == NewTopic.NO_DEFAULT || t.replicationFactor() == NewTopic.NO_DEFAULT;
                }
                List<CreateTopicsRequest.CreatableTopicConfig> configs = new ArrayList<>();
                if (t.configs() != null) {
                    t.configs().forEach((k, v) -> configs.add(new CreateTopicsRequest.CreatableTopicConfig().setName(k).setValue(v)));
                }
                list.add(new CreateTopicsRequest.CreatableTopic().setName(name).setNumPartitions(t.numPartitions())
                        .setReplicationFactor(t.replicationFactor()).setAssignments(assignments).setConfigs(configs));
            }
            CreateTopicsRequest body = new CreateTopicsRequest().setTopics(list).setTimeoutMs(timeoutMs)
                    .setValidateOnly(validateOnly);
            // Broker-chosen partition counts need v4; validate_only needs v1.
            short min = (short) (brokerDefaults ? 4 : validateOnly ? 1 : 0);
            return ClientRequest.of(ApiKeys.CREATE_TOPICS, min, ApiKeys.CREATE_TOPICS.latestVersion(), v -> body);
        }

        @Override
        public void onResponse(Destination destination, Set<String> keys, ClientResponse response,
                               Outcomes<String, TopicMetadataAndConfig> out) {
            CreateTopicsResponse body = response.bodyAs();
            if (notController(body.topics().stream().map(CreateTopicsResponse.CreatableTopicResult::errorCode).toList(), out)) {
                return;
            }
            for (CreateTopicsResponse.CreatableTopicResult r : body.topics()) {
                Errors error = Errors.forCode(r.errorCode());
                if (error != Errors.NONE) {
                    out.fail(r.name(), error.exception(r.errorMessage()));
                } else if (r.topicConfigErrorCode() != Errors.NONE.code()) {
                    out.complete(r.name(), new TopicMetadataAndConfig(Errors.forCode(r.topicConfigErrorCode()).exception()));
                } else if (response.version() < 5 || r.numPartitions() == -1) {
                    out.complete(r.name(), new TopicMetadataAndConfig(
                            new UnsupportedVersionException("Topic metadata and configs in CreateTopics response not supported")));
                } else {
                    List<ConfigEntry> entries = new ArrayList<>();
                    if (r.configs() != null) {
                        for (CreateTopicsResponse.CreatableTopicConfigs c : r.configs()) {
                            entries.add(new ConfigEntry(c.name(), c.value(), ConfigEntries.source(c.configSource()),
                                    c.isSensitive(), c.readOnly(), List.of(), ConfigEntry.ConfigType.UNKNOWN, null));
                        }
                    }
                    Uuid id = r.topicId() == null ? Uuid.ZERO : r.topicId();
                    out.complete(r.name(), new TopicMetadataAndConfig(id, r.numPartitions(), r.replicationFactor(),
                            new Config(entries)));
                }
            }
        }
    }

    private static final class DeleteTopics implements Fulfiller<String, Void> {

        @Override
        public ClientRequest request(Destination destination, Set<String> keys, int timeoutMs) {
            return ClientRequest.of(ApiKeys.DELETE_TOPICS, (short) 0, ApiKeys.DELETE_TOPICS.latestVersion(), v -> {
                DeleteTopicsRequest body = new DeleteTopicsRequest().setTimeoutMs(timeoutMs);
                if (v >= 6) {
                    List<DeleteTopicsRequest.DeleteTopicState> states = new ArrayList<>();
                    keys.forEach(k -> states.add(new DeleteTopicsRequest.DeleteTopicState().setName(k).setTopicId(Uuid.ZERO)));
                    return body.setTopics(states);
                }
                return body.setTopicNames(new ArrayList<>(keys));
            });
        }

        @Override
        public void onResponse(Destination destination, Set<String> keys, ClientResponse response, Outcomes<String, Void> out) {
            DeleteTopicsResponse body = response.bodyAs();
            if (notController(body.responses().stream().map(DeleteTopicsResponse.DeletableTopicResult::errorCode).toList(), out)) {
                return;
            }
            for (DeleteTopicsResponse.DeletableTopicResult r : body.responses()) {
                Errors error = Errors.forCode(r.errorCode());
                if (error == Errors.NONE) {
                    out.complete(r.name(), null);
                } else {
                    out.fail(r.name(), error.exception(r.errorMessage()));
                }
            }
        }
    }

    private record CreatePartitions(Map<String, NewPartitions> partitions, boolean validateOnly)
            implements Fulfiller<String, Void> {

        @Override
        public ClientRequest request(Destination destination, Set<String> keys, int timeoutMs) {
            List<CreatePartitionsRequest.CreatePartitionsTopic> topics = new ArrayList<>();
            for (String name : keys) {
                NewPartitions np = partitions.get(name);
                List<CreatePartitionsRequest.CreatePartitionsAssignment> assignments = null;
                if (np.assignments() != null) {
                    assignments = new ArrayList<>();
                    for (List<Integer> replicas : np.assignments()) {
                        assignments.add(new CreatePartitionsRequest.CreatePartitionsAssignment().setBrokerIds(new ArrayList<>(replicas)));
                    }
                }
                topics.add(new CreatePartitionsRequest.CreatePartitionsTopic().setName(name).setCount(np.totalCount())
                        .setAssignments(assignments));
            }
            CreatePartitionsRequest body = new CreatePartitionsRequest().setTopics(topics).setTimeoutMs(timeoutMs)
                    .setValidateOnly(validateOnly);
            return ClientRequest.of(body);
        }

        @Override
        public void onResponse(Destination destination, Set<String> keys, ClientResponse response, Outcomes<String, Void> out) {
            CreatePartitionsResponse body = response.bodyAs();
            if (notController(body.results().stream().map(CreatePartitionsResponse.CreatePartitionsTopicResult::errorCode).toList(),
                    out)) {
                return;
            }
            for (CreatePartitionsResponse.CreatePartitionsTopicResult r : body.results()) {
                Errors error = Errors.forCode(r.errorCode());
                if (error == Errors.NONE) {
                    out.complete(r.name(), null);
                } else {
                    out.fail(r.name(), error.exception(r.errorMessage()));
                }
            }
        }
    }
}
