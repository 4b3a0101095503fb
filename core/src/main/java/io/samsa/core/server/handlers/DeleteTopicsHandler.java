package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.common.Uuid;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.core.server.admin.AdminManager;
import io.samsa.core.server.metadata.MetadataCache;
import io.samsa.core.server.metadata.MetadataWaiters;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.DeleteTopicsRequest;
import io.samsa.protocol.message.DeleteTopicsResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * DeleteTopics (by name, or by id from v6): marks topics for deletion in ZooKeeper and answers
 * once they have left this broker's metadata, or REQUEST_TIMED_OUT at {@code timeout_ms}.
 * Thread-safe.
 */
public final class DeleteTopicsHandler implements ApiHandler<DeleteTopicsRequest> {

    private final AdminManager admin;
    private final MetadataCache metadata;
    private final MetadataWaiters waiters;

    public DeleteTopicsHandler(AdminManager admin, MetadataCache metadata, MetadataWaiters waiters) {
        this.admin = admin;
        this.metadata = metadata;
        this.waiters = waiters;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.DELETE_TOPICS;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 6;
    }

    /** One topic's outcome; {@code pending} while its deletion has not reached the metadata yet. */
    private static final class Outcome {
        final String name;
        final Uuid id;
        Errors error;
        String message;

        Outcome(String name, Uuid id) {
            this.name = name;
            this.id = id;
        }
    }

    @Override
    public void handle(Request request, DeleteTopicsRequest body) {
        MetadataCache.Snapshot snap = metadata.snapshot();
        List<Outcome> outcomes = new ArrayList<>();
        // v6+ fills topics (a name or an id each), older versions topic_names; the other stays empty.
        for (DeleteTopicsRequest.DeleteTopicState t : body.topics()) {
            String name = t.name();
            Uuid id = t.topicId();
            if (name == null) {
                name = snap.topicNames().get(id);
                if (name == null) {
                    Outcome o = new Outcome(null, id);
                    o.error = Errors.UNKNOWN_TOPIC_ID;
                    outcomes.add(o);
                    continue;
                }
            }
            outcomes.add(new Outcome(name, snap.topic(name).map(x -> x.topicId()).orElse(id)));
        }
        for (String name : body.topicNames()) {
            outcomes.add(new Outcome(name, Uuid.ZERO));
        }
        List<String> pending = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.error != null) {
                continue;
            }
            AdminManager.ApiError e = admin.deleteTopic(o.name);
            o.error = e.error();
            o.message = e.message();
            if (e.isSuccess()) {
                pending.add(o.name);
            }
        }
        if (pending.isEmpty()) {
            request.sendResponse(response(outcomes));
            return;
        }
        waiters.await(s -> pending.stream().noneMatch(n -> s.topics().containsKey(n)), body.timeoutMs(), gone -> {
            if (!gone) {
                for (Outcome o : outcomes) {
                    if (pending.contains(o.name)) {
                        o.error = Errors.REQUEST_TIMED_OUT;
                        o.message = "Timed out waiting for the topic to be deleted";
                    }
                }
            }
            request.sendResponse(response(outcomes));
        });
    }

    private static DeleteTopicsResponse response(List<Outcome> outcomes) {
        DeleteTopicsResponse response = new DeleteTopicsResponse();
        for (Outcome o : outcomes) {
            response.responses().add(new DeleteTopicsResponse.DeletableTopicResult()
                    .setName(o.name)
                    .setTopicId(o.id)
                    .setErrorCode(o.error.code())
                    .setErrorMessage(o.message));
        }
        return response;
    }
}
