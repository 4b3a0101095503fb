package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.common.Uuid;
import io.samsa.core.controller.Controller;
import io.samsa.core.controller.ControllerException;
import io.samsa.core.controller.IsrChange;
import io.samsa.core.controller.IsrChangeResult;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.core.server.metadata.MetadataCache;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.AlterPartitionRequest;
import io.samsa.protocol.message.AlterPartitionResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * AlterPartition (KIP-497), served by the active controller: a partition leader's proposed ISRs
 * go to the {@link Controller}, the only writer of partition state, and each partition is answered
 * with the state written or why not. Topics are named from v0-v1 and identified from v2; an id the
 * broker does not know answers UNKNOWN_TOPIC_ID. A broker that is not the controller answers
 * NOT_CONTROLLER and the leader looks for the controller again. Thread-safe.
 */
public final class AlterPartitionHandler implements ApiHandler<AlterPartitionRequest> {

    private final Supplier<Controller> controller;
    private final MetadataCache metadata;

    /** {@code controller}: this broker's controller, or null before it has one. */
    public AlterPartitionHandler(Supplier<Controller> controller, MetadataCache metadata) {
        this.controller = controller;
        this.metadata = metadata;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.ALTER_PARTITION;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 3;
    }

    @Override
    public void handle(Request request, AlterPartitionRequest body) {
        Controller c = controller.get();
        if (c == null || !c.isActive()) {
            request.sendResponse(new AlterPartitionResponse().setErrorCode(Errors.NOT_CONTROLLER.code()));
            return;
        }
        boolean byTopicId = request.version() >= 2;
        Map<Uuid, String> names = metadata.snapshot().topicNames();
        List<IsrChange> changes = new ArrayList<>();
        Map<TopicPartition, IsrChangeResult> unresolved = new HashMap<>();
        for (AlterPartitionRequest.TopicData topic : body.topics()) {
            String name = byTopicId ? names.get(topic.topicId()) : topic.topicName();
            for (AlterPartitionRequest.PartitionData p : topic.partitions()) {
                if (name == null) {
                    continue;
                }
                List<Integer> isr = new ArrayList<>(p.newIsr());
                for (AlterPartitionRequest.BrokerState member : p.newIsrWithEpochs()) {
                    isr.add(member.brokerId());
                }
                changes.add(new IsrChange(new TopicPartition(name, p.partitionIndex()), p.leaderEpoch(), isr, p.partitionEpoch()));
            }
        }
        c.alterPartition(body.brokerId(), body.brokerEpoch(), changes).whenComplete((results, failure) -> {
            if (failure != null) {
                request.sendResponse(new AlterPartitionResponse().setErrorCode(errorOf(failure).code()));
            } else {
                request.sendResponse(response(body, byTopicId, names, results));
            }
        });
    }

    private static Errors errorOf(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof ControllerException ce ? ce.error() : Errors.UNKNOWN_SERVER_ERROR;
    }

    private static AlterPartitionResponse response(AlterPartitionRequest body, boolean byTopicId, Map<Uuid, String> names,
                                                   Map<TopicPartition, IsrChangeResult> results) {
        AlterPartitionResponse response = new AlterPartitionResponse();
        for (AlterPartitionRequest.TopicData topic : body.topics()) {
            String name = byTopicId ? names.get(topic.topicId()) : topic.topicName();
            AlterPartitionResponse.TopicData t = new AlterPartitionResponse.TopicData()
                    .setTopicName(topic.topicName())
                    .setTopicId(topic.topicId());
            response.topics().add(t);
            for (AlterPartitionRequest.PartitionData p : topic.partitions()) {
                IsrChangeResult r = name == null ? null : results.get(new TopicPartition(name, p.partitionIndex()));
                AlterPartitionResponse.PartitionData out = new AlterPartitionResponse.PartitionData()
                        .setPartitionIndex(p.partitionIndex());
                if (r == null) {
                    out.setErrorCode((name == null ? Errors.UNKNOWN_TOPIC_ID : Errors.UNKNOWN_TOPIC_OR_PARTITION).code())
                            .setLeaderId(-1).setLeaderEpoch(-1).setPartitionEpoch(-1);
                } else {
                    out.setErrorCode(r.error().code())
                            .setLeaderId(r.leader())
                            .setLeaderEpoch(r.leaderEpoch())
                            .setIsr(new ArrayList<>(r.isr()))
                            .setPartitionEpoch(r.partitionEpoch());
                }
                t.partitions().add(out);
            }
        }
        return response;
    }
}
