package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.core.server.admin.AdminManager;
import io.samsa.core.server.metadata.MetadataWaiters;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.CreatePartitionsRequest;
import io.samsa.protocol.message.CreatePartitionsResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CreatePartitions: grows topics by writing new assignments to ZooKeeper, then answers once the
 * new partitions have leaders in this broker's metadata, or REQUEST_TIMED_OUT. Thread-safe.
 */
public final class CreatePartitionsHandler implements ApiHandler<CreatePartitionsRequest> {

    private final AdminManager admin;
    private final MetadataWaiters waiters;

    public CreatePartitionsHandler(AdminManager admin, MetadataWaiters waiters) {
        this.admin = admin;
        this.waiters = waiters;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.CREATE_PARTITIONS;
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
    public void handle(Request request, CreatePartitionsRequest body) {
        boolean validateOnly = body.validateOnly();
        Map<String, AdminManager.ApiError> results = new LinkedHashMap<>();
        Map<String, Integer> grown = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CreatePartitionsRequest.CreatePartitionsTopic t : body.topics()) {
            seen.merge(t.name(), 1, Integer::sum);
        }
        for (CreatePartitionsRequest.CreatePartitionsTopic t : body.topics()) {
            String name = t.name();
            if (seen.get(name) > 1) {
                results.put(name, new AdminManager.ApiError(Errors.INVALID_REQUEST, "Duplicate topic in request."));
                continue;
            }
            List<List<Integer>> assignments = null;
            if (t.assignments() != null) {
                assignments = new ArrayList<>();
                for (CreatePartitionsRequest.CreatePartitionsAssignment a : t.assignments()) {
                    assignments.add(a.brokerIds());
                }
            }
            int count = t.count();
            AdminManager.ApiError e = admin.createPartitions(name, count, assignments, validateOnly);
            results.put(name, e);
            if (e.isSuccess() && !validateOnly) {
                grown.put(name, count);
            }
        }
        if (grown.isEmpty()) {
            request.sendResponse(response(results));
            return;
        }
        waiters.await(snap -> grown.entrySet().stream().allMatch(e -> CreateTopicsHandler.hasLeaders(snap, e.getKey(), e.getValue())),
                body.timeoutMs(), ready -> {
                    if (!ready) {
                        grown.keySet().forEach(n -> results.put(n, new AdminManager.ApiError(Errors.REQUEST_TIMED_OUT,
                                "Timed out waiting for the new partitions' leaders")));
                    }
                    request.sendResponse(response(results));
                });
    }

    private static CreatePartitionsResponse response(Map<String, AdminManager.ApiError> results) {
        CreatePartitionsResponse response = new CreatePartitionsResponse();
        results.forEach((name, e) -> response.results().add(new CreatePartitionsResponse.CreatePartitionsTopicResult()
                .setName(name)
                .setErrorCode(e.error().code())
                .setErrorMessage(e.message())));
        return response;
    }
}
