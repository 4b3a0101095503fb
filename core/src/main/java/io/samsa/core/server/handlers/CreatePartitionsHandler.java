package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.core.server.admin.AdminManager;
import io.samsa.core.server.metadata.MetadataWaiters;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.Struct;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CreatePartitions: grows topics by writing new assignments to ZooKeeper, then answers once the
 * new partitions have leaders in this broker's metadata, or REQUEST_TIMED_OUT. Thread-safe.
 */
public final class CreatePartitionsHandler implements ApiHandler {

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
    public void handle(Request request, Struct body) {
        boolean validateOnly = body.getBoolean("validate_only");
        Map<String, AdminManager.ApiError> results = new LinkedHashMap<>();
        Map<String, Integer> grown = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Struct t : body.getStructArray("topics")) {
            seen.merge(t.getString("name"), 1, Integer::sum);
        }
        for (Struct t : body.getStructArray("topics")) {
            String name = t.getString("name");
            if (seen.get(name) > 1) {
                results.put(name, new AdminManager.ApiError(Errors.INVALID_REQUEST, "Duplicate topic in request."));
                continue;
            }
            List<Struct> rawAssignments = t.getStructArray("assignments");
            List<List<Integer>> assignments = null;
            if (rawAssignments != null) {
                assignments = new ArrayList<>();
                for (Struct a : rawAssignments) {
                    assignments.add(a.getIntArray("broker_ids"));
                }
            }
            int count = t.getInt("count");
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
                body.getInt("timeout_ms"), ready -> {
                    if (!ready) {
                        grown.keySet().forEach(n -> results.put(n, new AdminManager.ApiError(Errors.REQUEST_TIMED_OUT,
                                "Timed out waiting for the new partitions' leaders")));
                    }
                    request.sendResponse(response(results));
                });
    }

    private static Struct response(Map<String, AdminManager.ApiError> results) {
        Struct response = new Struct(ApiKeys.CREATE_PARTITIONS.responseSpec().root());
        results.forEach((name, e) -> response.addElement("results")
                .set("name", name)
                .set("error_code", e.error().code())
                .set("error_message", e.message()));
        return response;
    }
}
