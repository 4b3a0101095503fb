package io.samsa.clients.admin.internals;

import io.samsa.clients.internals.ClientRequest;
import io.samsa.clients.internals.ClientResponse;
import io.samsa.common.Node;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.ApiException;
import io.samsa.common.errors.DisconnectException;
import io.samsa.common.errors.NotControllerException;
import io.samsa.common.errors.TimeoutException;
import io.samsa.common.errors.TopicExistsException;
import io.samsa.common.errors.UnsupportedVersionException;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.FindCoordinatorRequest;
import io.samsa.protocol.message.FindCoordinatorResponse;
import io.samsa.protocol.message.MetadataRequest;
import io.samsa.protocol.message.MetadataResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** KeyedCall's routing, batching, retry and deadline decisions, driven by a scripted context and a mock clock. */
class KeyedCallTest {

    private static final Node NODE_1 = new Node(1, "h1", 9092);
    private static final Node NODE_2 = new Node(2, "h2", 9092);

    private final ScriptedContext context = new ScriptedContext();

    /** A fulfiller whose answers the test scripts; remembers the keys of each request. */
    private static final class Scripted<K> implements Fulfiller<K, String> {
        final List<Set<K>> requests = new ArrayList<>();
        BiConsumer<Set<K>, Outcomes<K, String>> answer = (keys, out) -> keys.forEach(k -> out.complete(k, "ok:" + k));

        @Override
        public ClientRequest request(Destination destination, Set<K> keys, int timeoutMs) {
            requests.add(Set.copyOf(keys));
            return ClientRequest.of(new MetadataRequest());
        }

        @Override
        public void onResponse(Destination destination, Set<K> keys, ClientResponse response, Outcomes<K, String> out) {
            answer.accept(keys, out);
        }
    }

    private static ClientResponse response(Node node) {
        return new ClientResponse(node, ApiKeys.METADATA, (short) 12, new MetadataResponse(), 0, 0);
    }

    private <K> KeyedCall<K, String> start(List<K> keys, Router<K> router, Fulfiller<K, String> fulfiller) {
        KeyedCall<K, String> call = new KeyedCall<>("test", context, context.nowMs() + 10_000, keys, router, fulfiller);
        call.start();
        return call;
    }

    /** The value of a future that must be complete already. */
    private static <T> T value(CompletableFuture<T> f) {
        assertTrue(f.isDone(), "completed");
        return f.join();
    }

    /** The failure of a future that must have failed already. */
    private static Throwable failure(CompletableFuture<?> f) {
        assertTrue(f.isDone(), "completed");
        ExecutionException e = assertThrows(ExecutionException.class, f::get);
        return e.getCause();
    }

    @Test
    void keysForOneDestinationShareOneRequestAndCompleteOneByOne() {
        Scripted<String> fulfiller = new Scripted<>();
        fulfiller.answer = (keys, out) -> {
            out.complete("a", "A");
            out.fail("b", new TopicExistsException("b exists"));
        };
        KeyedCall<String, String> call = start(List.of("a", "b", "c"), Router.to(Destination.controller()), fulfiller);

        assertEquals(1, context.sent.size());
        assertEquals(Destination.controller(), context.last().destination());
        assertEquals(List.of(Set.of("a", "b", "c")), fulfiller.requests);
        context.last().future().complete(response(NODE_1));

        assertEquals("A", value(call.futures().get("a")));
        assertInstanceOf(TopicExistsException.class, failure(call.futures().get("b")));
        Throwable unanswered = failure(call.futures().get("c"));
        assertInstanceOf(ApiException.class, unanswered);
        assertTrue(unanswered.getMessage().contains("did not contain a result for c"), unanswered.getMessage());
        assertTrue(call.done().isDone());
        assertEquals(1, context.finished);
    }

    @Test
    void keysForDifferentBrokersGoInSeparateRequests() {
        Scripted<Integer> fulfiller = new Scripted<>();
        KeyedCall<Integer, String> call = start(List.of(1, 2, 1), Router.fixed(Destination::broker), fulfiller);

        assertEquals(2, context.sent.size());
        assertEquals(List.of(Destination.broker(1), Destination.broker(2)),
                context.sent.stream().map(ScriptedContext.Sent::destination).toList());
        context.sent.forEach(s -> s.future().complete(response(NODE_1)));
        assertEquals("ok:1", value(call.futures().get(1)));
        assertEquals("ok:2", value(call.futures().get(2)));
    }

    @Test
    void aRetriedKeyWaitsForItsBackOffThenGoesToTheSameDestination() {
        Scripted<String> fulfiller = new Scripted<>();
        fulfiller.answer = (keys, out) -> out.retryAll(new io.samsa.common.errors.CoordinatorLoadInProgressException("loading"));
        KeyedCall<String, String> call = start(List.of("g"), Router.to(Destination.node(NODE_1)), fulfiller);
        context.last().future().complete(response(NODE_1));

        context.advance(99);
        assertEquals(1, context.sent.size(), "nothing before the first back-off (100 ms)");
        context.advance(1);
        assertEquals(2, context.sent.size());
        assertEquals(Destination.node(NODE_1), context.last().destination());
        assertEquals(0, context.last().minMetadataVersion(), "a retry needs no new metadata");

        context.last().future().complete(response(NODE_1));
        context.advance(199);
        assertEquals(2, context.sent.size(), "the second back-off doubles");
        fulfiller.answer = (keys, out) -> out.completeAll("done");
        context.advance(1);
        context.last().future().complete(response(NODE_1));
        assertEquals("done", value(call.futures().get("g")));
    }

    @Test
    void aReroutedKeyWaitsForNewerMetadata() {
        Scripted<String> fulfiller = new Scripted<>();
        fulfiller.answer = (keys, out) -> out.rerouteAll(new NotControllerException("moved"));
        KeyedCall<String, String> call = start(List.of("t"), Router.to(Destination.controller()), fulfiller);
        assertEquals(0, context.last().minMetadataVersion());
        context.last().future().complete(response(NODE_1));

        context.advance(100);
        assertEquals(2, context.sent.size());
        assertEquals(1, context.last().minMetadataVersion(), "sent only once metadata is refreshed");
        fulfiller.answer = (keys, out) -> out.completeAll("created");
        context.last().future().complete(response(NODE_2));
        assertEquals("created", value(call.futures().get("t")));
    }

    @Test
    void aDisconnectReroutesAndANonRetriableFailureFails() {
        Scripted<String> fulfiller = new Scripted<>();
        KeyedCall<String, String> call = start(List.of("x"), Router.to(Destination.any()), fulfiller);
        context.last().future().completeExceptionally(new DisconnectException("gone"));
        assertFalse(call.futures().get("x").isDone());
        context.advance(100);
        assertEquals(2, context.sent.size());
        IllegalStateException bug = new IllegalStateException("bug");
        context.last().future().completeExceptionally(bug);
        assertSame(bug, failure(call.futures().get("x")));
    }

    @Test
    void unansweredKeysFailWithATimeoutCarryingTheLastErrorAtTheDeadline() {
        Scripted<String> fulfiller = new Scripted<>();
        fulfiller.answer = (keys, out) -> out.retryAll(new io.samsa.common.errors.CoordinatorNotAvailableException("busy"));
        KeyedCall<String, String> call = start(List.of("g"), Router.to(Destination.any()), fulfiller);
        context.last().future().complete(response(NODE_1));
        context.advance(9_999);
        assertFalse(call.futures().get("g").isDone());
        context.last().future().complete(response(NODE_1));
        context.advance(1);
        Throwable t = failure(call.futures().get("g"));
        assertInstanceOf(TimeoutException.class, t);
        assertInstanceOf(io.samsa.common.errors.CoordinatorNotAvailableException.class, t.getCause());
        assertTrue(call.done().isDone());
    }

    @Test
    void retriesStopAtTheRetriesSetting() {
        context.maxRetries = 1;
        Scripted<String> fulfiller = new Scripted<>();
        fulfiller.answer = (keys, out) -> out.retryAll(new io.samsa.common.errors.CoordinatorLoadInProgressException("loading"));
        KeyedCall<String, String> call = start(List.of("g"), Router.to(Destination.any()), fulfiller);
        context.last().future().complete(response(NODE_1));
        context.advance(100);
        context.last().future().complete(response(NODE_1));
        assertInstanceOf(TimeoutException.class, failure(call.futures().get("g")));
        assertEquals(2, context.sent.size());
    }

    @Test
    void partitionsAreGroupedByTheLeaderTheLookupFinds() {
        Scripted<TopicPartition> fulfiller = new Scripted<>();
        TopicPartition a0 = new TopicPartition("a", 0);
        TopicPartition a1 = new TopicPartition("a", 1);
        TopicPartition b0 = new TopicPartition("b", 0);
        TopicPartition gone = new TopicPartition("gone", 0);
        KeyedCall<TopicPartition, String> call = start(List.of(a0, a1, b0, gone), new LeaderLookup(), fulfiller);

        assertEquals(1, context.sent.size(), "one lookup for every partition");
        assertEquals(Destination.any(), context.last().destination());
        MetadataRequest lookup = (MetadataRequest) context.last().request().builder().apply((short) 12);
        assertEquals(List.of("a", "b", "gone"), lookup.topics().stream().map(MetadataRequest.MetadataRequestTopic::name).toList());
        assertFalse(lookup.allowAutoTopicCreation());

        MetadataResponse metadata = new MetadataResponse();
        metadata.brokers().add(new MetadataResponse.MetadataResponseBroker().setNodeId(1).setHost("h1").setPort(9092));
        metadata.brokers().add(new MetadataResponse.MetadataResponseBroker().setNodeId(2).setHost("h2").setPort(9092));
        metadata.topics().add(topic("a", partition(0, 1), partition(1, 2)));
        metadata.topics().add(topic("b", partition(0, 1)));
        metadata.topics().add(new MetadataResponse.MetadataResponseTopic().setName("gone").setErrorCode((short) 3));
        context.last().future().complete(new ClientResponse(NODE_1, ApiKeys.METADATA, (short) 12, metadata, 0, 0));

        assertInstanceOf(io.samsa.common.errors.UnknownTopicOrPartitionException.class, failure(call.futures().get(gone)));
        assertEquals(3, context.sent.size(), "one request per leader");
        Map<Destination, Set<TopicPartition>> byLeader = new HashMap<>();
        for (int i = 1; i < 3; i++) {
            byLeader.put(context.sent.get(i).destination(), fulfiller.requests.get(i - 1));
        }
        assertEquals(Map.of(Destination.node(NODE_1), Set.of(a0, b0), Destination.node(NODE_2), Set.of(a1)), byLeader);
        context.sent.get(1).future().complete(response(NODE_1));
        context.sent.get(2).future().complete(response(NODE_2));
        assertEquals("ok:" + a1, value(call.futures().get(a1)));
    }

    @Test
    void aLeaderThatMovedIsLookedUpAgain() {
        Scripted<TopicPartition> fulfiller = new Scripted<>();
        TopicPartition tp = new TopicPartition("a", 0);
        KeyedCall<TopicPartition, String> call = start(List.of(tp), new LeaderLookup(), fulfiller);
        MetadataResponse metadata = new MetadataResponse();
        metadata.brokers().add(new MetadataResponse.MetadataResponseBroker().setNodeId(1).setHost("h1").setPort(9092));
        metadata.topics().add(topic("a", partition(0, 1)));
        context.last().future().complete(new ClientResponse(NODE_1, ApiKeys.METADATA, (short) 12, metadata, 0, 0));

        fulfiller.answer = (keys, out) -> RecordCalls.partitionError(tp, io.samsa.common.Errors.NOT_LEADER_OR_FOLLOWER, out);
        context.last().future().complete(response(NODE_1));
        context.advance(100);
        assertEquals(3, context.sent.size());
        assertEquals(Destination.any(), context.last().destination(), "a new lookup");
        fulfiller.answer = (keys, out) -> out.completeAll("found");
        context.last().future().complete(new ClientResponse(NODE_1, ApiKeys.METADATA, (short) 12, metadata, 0, 0));
        context.last().future().complete(response(NODE_1));
        assertEquals("found", value(call.futures().get(tp)));
    }

    @Test
    void coordinatorLookupsFallBackToOneGroupPerRequest() {
        Scripted<String> fulfiller = new Scripted<>();
        KeyedCall<String, String> call = start(List.of("g1", "g2"), new CoordinatorLookup(), fulfiller);
        assertEquals(1, context.sent.size());
        assertEquals(4, context.last().request().minVersion(), "batched lookups need v4");
        context.last().future().completeExceptionally(new UnsupportedVersionException("old broker"));

        assertEquals(3, context.sent.size(), "one lookup per group");
        for (int i = 1; i < 3; i++) {
            ScriptedContext.Sent lookup = context.sent.get(i);
            assertEquals(3, lookup.request().maxVersion());
            FindCoordinatorRequest body = (FindCoordinatorRequest) lookup.request().builder().apply((short) 3);
            FindCoordinatorResponse answer = new FindCoordinatorResponse().setNodeId(7).setHost("c").setPort(1);
            answer.setErrorCode((short) 0);
            lookup.future().complete(new ClientResponse(NODE_1, ApiKeys.FIND_COORDINATOR, (short) 3, answer, 0, 0));
            assertTrue(List.of("g1", "g2").contains(body.key()));
        }
        assertEquals(Destination.node(new Node(7, "c", 1)), context.last().destination());
        assertEquals(4, context.sent.size(), "one request at a time to the coordinator both groups share");
        context.last().future().complete(response(NODE_1));
        assertEquals(5, context.sent.size(), "then the other group's");
        context.last().future().complete(response(NODE_1));
        assertEquals("ok:g1", value(call.futures().get("g1")));
        assertEquals("ok:g2", value(call.futures().get("g2")));
    }

    @Test
    void abortFailsWhatIsLeft() {
        KeyedCall<String, String> call = start(List.of("a"), Router.to(Destination.any()), new Scripted<>());
        TimeoutException closed = new TimeoutException("closed");
        call.abort(closed);
        assertSame(closed, failure(call.futures().get("a")));
        context.last().future().complete(response(NODE_1));
        assertTrue(call.done().isDone());
    }

    private static MetadataResponse.MetadataResponseTopic topic(String name, MetadataResponse.MetadataResponsePartition... ps) {
        MetadataResponse.MetadataResponseTopic t = new MetadataResponse.MetadataResponseTopic().setName(name);
        t.partitions().addAll(List.of(ps));
        return t;
    }

    private static MetadataResponse.MetadataResponsePartition partition(int index, int leader) {
        return new MetadataResponse.MetadataResponsePartition().setPartitionIndex(index).setLeaderId(leader);
    }
}
