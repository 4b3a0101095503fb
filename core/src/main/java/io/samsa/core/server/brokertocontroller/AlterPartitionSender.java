package io.samsa.core.server.brokertocontroller;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.common.Uuid;
import io.samsa.core.log.Scheduler;
import io.samsa.core.replication.AlterPartitionException;
import io.samsa.core.replication.AlterPartitionManager;
import io.samsa.core.replication.LeaderAndIsr;
import io.samsa.protocol.message.AlterPartitionRequest;
import io.samsa.protocol.message.AlterPartitionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * Sends the ISR changes of the partitions this broker leads to the controller, as Kafka's
 * AlterPartitionManager does: one AlterPartition request at a time, carrying every change
 * submitted meanwhile, so a burst of ISR changes costs one round trip. A partition has at most one
 * change queued: another submitted before it is sent is refused with OPERATION_NOT_ATTEMPTED. When
 * the whole request is refused (NOT_CONTROLLER while the controller moves, STALE_BROKER_EPOCH while
 * it has not seen this broker's registration), the changes are sent again after a back-off.
 * Thread-safe.
 */
public final class AlterPartitionSender implements AlterPartitionManager {

    private static final Logger LOG = LoggerFactory.getLogger(AlterPartitionSender.class);
    /** v3 carries the ISR with broker epochs (-1: the ZooKeeper controller does not check them). */
    private static final short VERSION = 3;
    /** Topics without an id are named, which only versions 0 and 1 can do. */
    private static final short VERSION_BY_NAME = 1;
    private static final long RETRY_BACKOFF_MS = 50;

    private record Item(TopicPartition tp, Uuid topicId, LeaderAndIsr proposed, CompletableFuture<LeaderAndIsr> result) {
    }

    private final int brokerId;
    private final LongSupplier brokerEpoch;
    private final BrokerToControllerChannel channel;
    private final Scheduler scheduler;
    private final Map<TopicPartition, Item> unsent = new LinkedHashMap<>();
    private boolean inFlight;

    public AlterPartitionSender(int brokerId, LongSupplier brokerEpoch, BrokerToControllerChannel channel, Scheduler scheduler) {
        this.brokerId = brokerId;
        this.brokerEpoch = brokerEpoch;
        this.channel = channel;
        this.scheduler = scheduler;
    }

    @Override
    public CompletableFuture<LeaderAndIsr> submit(TopicPartition tp, Uuid topicId, LeaderAndIsr proposed, int controllerEpoch) {
        CompletableFuture<LeaderAndIsr> result = new CompletableFuture<>();
        synchronized (this) {
            if (unsent.putIfAbsent(tp, new Item(tp, topicId, proposed, result)) != null) {
                result.completeExceptionally(new AlterPartitionException(Errors.OPERATION_NOT_ATTEMPTED,
                        "An ISR change of " + tp + " is already queued"));
                return result;
            }
        }
        maybeSend();
        return result;
    }

    private void maybeSend() {
        List<Item> batch;
        synchronized (this) {
            if (inFlight || unsent.isEmpty()) {
                return;
            }
            batch = new ArrayList<>(unsent.values());
            unsent.clear();
            inFlight = true;
        }
        boolean byName = batch.stream().anyMatch(i -> i.topicId() == null || i.topicId().equals(Uuid.ZERO));
        short version = byName ? VERSION_BY_NAME : VERSION;
        channel.<AlterPartitionResponse>send(request(batch, version), version)
                .whenComplete((response, failure) -> onAnswer(batch, version, response, failure));
    }

    private AlterPartitionRequest request(List<Item> batch, short version) {
        AlterPartitionRequest request = new AlterPartitionRequest().setBrokerId(brokerId).setBrokerEpoch(brokerEpoch.getAsLong());
        Map<String, AlterPartitionRequest.TopicData> byTopic = new LinkedHashMap<>();
        for (Item item : batch) {
            AlterPartitionRequest.TopicData topic = byTopic.computeIfAbsent(item.tp().topic(), name -> {
                AlterPartitionRequest.TopicData t = new AlterPartitionRequest.TopicData();
                if (version >= 2) {
                    t.setTopicId(item.topicId());
                } else {
                    t.setTopicName(name);
                }
                request.topics().add(t);
                return t;
            });
            AlterPartitionRequest.PartitionData p = new AlterPartitionRequest.PartitionData()
                    .setPartitionIndex(item.tp().partition())
                    .setLeaderEpoch(item.proposed().leaderEpoch())
                    .setPartitionEpoch(item.proposed().partitionEpoch());
            if (version >= 3) {
                for (int member : item.proposed().isr()) {
                    p.newIsrWithEpochs().add(new AlterPartitionRequest.BrokerState().setBrokerId(member).setBrokerEpoch(-1L));
                }
            } else {
                p.setNewIsr(new ArrayList<>(item.proposed().isr()));
            }
            topic.partitions().add(p);
        }
        return request;
    }

    private void onAnswer(List<Item> batch, short version, AlterPartitionResponse response, Throwable failure) {
        if (failure != null) {
            // The channel closed: the broker is shutting down.
            batch.forEach(i -> i.result().completeExceptionally(failure));
            finishRequest();
            return;
        }
        Errors error = Errors.forCode(response.errorCode());
        if (error != Errors.NONE) {
            LOG.info("The controller refused AlterPartition for {} partition(s) with {}; retrying", batch.size(), error);
            synchronized (this) {
                for (Item item : batch) {
                    unsent.putIfAbsent(item.tp(), item);
                }
            }
            scheduler.scheduleOnce("alter-partition-retry", this::finishRequest, RETRY_BACKOFF_MS);
            return;
        }
        Map<String, AlterPartitionResponse.PartitionData> answers = new HashMap<>();
        Map<Uuid, String> names = new HashMap<>();
        batch.forEach(i -> names.put(i.topicId(), i.tp().topic()));
        for (AlterPartitionResponse.TopicData t : response.topics()) {
            String name = version >= 2 ? names.get(t.topicId()) : t.topicName();
            for (AlterPartitionResponse.PartitionData p : t.partitions()) {
                answers.put(name + "-" + p.partitionIndex(), p);
            }
        }
        for (Item item : batch) {
            AlterPartitionResponse.PartitionData p = answers.get(item.tp().topic() + "-" + item.tp().partition());
            if (p == null) {
                item.result().completeExceptionally(new AlterPartitionException(Errors.UNKNOWN_SERVER_ERROR,
                        "The controller did not answer for " + item.tp()));
                continue;
            }
            Errors partitionError = Errors.forCode(p.errorCode());
            if (partitionError != Errors.NONE) {
                item.result().completeExceptionally(new AlterPartitionException(partitionError,
                        "The controller refused the ISR change of " + item.tp()));
            } else {
                item.result().complete(new LeaderAndIsr(p.leaderId(), p.leaderEpoch(), p.isr(), p.partitionEpoch()));
            }
        }
        finishRequest();
    }

    private void finishRequest() {
        synchronized (this) {
            inFlight = false;
        }
        maybeSend();
    }
}
