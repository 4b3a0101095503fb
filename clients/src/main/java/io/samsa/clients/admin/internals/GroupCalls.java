package io.samsa.clients.admin.internals;

import io.samsa.clients.admin.ConsumerGroupDescription;
import io.samsa.clients.admin.ConsumerGroupListing;
import io.samsa.clients.admin.MemberAssignment;
import io.samsa.clients.admin.MemberDescription;
import io.samsa.clients.consumer.internals.ConsumerProtocol;
import io.samsa.clients.internals.ClientRequest;
import io.samsa.clients.internals.ClientResponse;
import io.samsa.common.ConsumerGroupState;
import io.samsa.common.GroupType;
import io.samsa.common.Errors;
import io.samsa.common.Node;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.RetriableException;
import io.samsa.common.errors.SamsaException;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.DeleteGroupsRequest;
import io.samsa.protocol.message.DeleteGroupsResponse;
import io.samsa.protocol.message.DescribeGroupsRequest;
import io.samsa.protocol.message.DescribeGroupsResponse;
import io.samsa.protocol.message.ListGroupsRequest;
import io.samsa.protocol.message.ListGroupsResponse;
import io.samsa.protocol.message.MetadataRequest;
import io.samsa.protocol.message.MetadataResponse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Listing, describing and deleting consumer groups. A broker only knows the groups it coordinates,
 * so listing asks every broker (found with a fresh Metadata request) and merges their answers,
 * keeping the brokers that failed as errors; describing and deleting go to each group's
 * coordinator (FindCoordinator). Only groups of the consumer protocol (or simple groups, with no
 * protocol) are listed or described. Thread-safe: each call's state lives on the I/O thread.
 */
public final class GroupCalls {

    /** What the brokers listed, and the errors of those that could not. Immutable. */
    public record GroupListing(List<ConsumerGroupListing> listings, List<Throwable> errors) {
    }

    private final CallRunner runner;

    public GroupCalls(CallRunner runner) {
        this.runner = runner;
    }

    /** Lists the consumer groups of every broker; never completes exceptionally. */
    public CompletableFuture<GroupListing> list(Set<ConsumerGroupState> states, Set<GroupType> types, Integer timeoutMs) {
        long deadline = runner.deadline(timeoutMs);
        return runner.callOne("findAllBrokers", deadline, Destination.any(), new AllBrokers()).handle((nodes, error) -> {
            if (error != null) {
                return CompletableFuture.completedFuture(new GroupListing(List.of(),
                        List.of(new SamsaException("Failed to find brokers to send ListGroups", error))));
            }
            Map<Node, CompletableFuture<List<ConsumerGroupListing>>> perBroker = runner.call("listConsumerGroups", deadline,
                    nodes, Router.fixed(Destination::node), new ListGroups(states, types));
            return CompletableFuture.allOf(perBroker.values().toArray(new CompletableFuture<?>[0])).handle((ignored, e) -> {
                List<ConsumerGroupListing> listings = new ArrayList<>();
                List<Throwable> errors = new ArrayList<>();
                for (CompletableFuture<List<ConsumerGroupListing>> f : perBroker.values()) {
                    try {
                        listings.addAll(f.join());
                    } catch (RuntimeException failure) {
                        errors.add(failure.getCause() != null ? failure.getCause() : failure);
                    }
                }
                return new GroupListing(listings, errors);
            });
        }).thenCompose(f -> f);
    }

    public Map<String, CompletableFuture<ConsumerGroupDescription>> describe(Collection<String> groupIds, Integer timeoutMs) {
        return runner.call("describeConsumerGroups", runner.deadline(timeoutMs), groupIds, new CoordinatorLookup(),
                new DescribeGroups());
    }

    public Map<String, CompletableFuture<Void>> delete(Collection<String> groupIds, Integer timeoutMs) {
        return runner.call("deleteConsumerGroups", runner.deadline(timeoutMs), groupIds, new CoordinatorLookup(),
                new DeleteGroups());
    }

    /** The live brokers, from a Metadata request for no topics. */
    private static final class AllBrokers implements Fulfiller<String, List<Node>> {
        @Override
        public ClientRequest request(Destination destination, Set<String> keys, int timeoutMs) {
            MetadataRequest body = new MetadataRequest().setTopics(new ArrayList<>());
            return ClientRequest.of(ApiKeys.METADATA, (short) 1, ApiKeys.METADATA.latestVersion(), v -> body);
        }

        @Override
        public void onResponse(Destination destination, Set<String> keys, ClientResponse response,
                               Outcomes<String, List<Node>> out) {
            MetadataResponse body = response.bodyAs();
            Set<Node> nodes = new HashSet<>();
            for (MetadataResponse.MetadataResponseBroker b : body.brokers()) {
                nodes.add(new Node(b.nodeId(), b.host(), b.port(), b.rack()));
            }
            if (nodes.isEmpty()) {
                out.retryAll(new RetriableException("The metadata answer listed no brokers"));
            } else {
                out.completeAll(new ArrayList<>(nodes));
            }
        }
    }

    private record ListGroups(Set<ConsumerGroupState> states, Set<GroupType> types)
            implements Fulfiller<Node, List<ConsumerGroupListing>> {
        @Override
        public ClientRequest request(Destination destination, Set<Node> keys, int timeoutMs) {
            List<String> filter = states.stream().map(ConsumerGroupState::toString).toList();
            List<String> typeFilter = types.stream().map(GroupType::toString).toList();
            ListGroupsRequest body = new ListGroupsRequest().setStatesFilter(new ArrayList<>(filter))
                    .setTypesFilter(new ArrayList<>(typeFilter));
            // A states filter needs v4, a types filter v5.
            short min = (short) (!typeFilter.isEmpty() ? 5 : filter.isEmpty() ? 0 : 4);
            return ClientRequest.of(ApiKeys.LIST_GROUPS, min, ApiKeys.LIST_GROUPS.latestVersion(), v -> body);
        }

        @Override
        public void onResponse(Destination destination, Set<Node> keys, ClientResponse response,
                               Outcomes<Node, List<ConsumerGroupListing>> out) {
            ListGroupsResponse body = response.bodyAs();
            Errors error = Errors.forCode(body.errorCode());
            if (error == Errors.COORDINATOR_LOAD_IN_PROGRESS || error == Errors.COORDINATOR_NOT_AVAILABLE) {
                out.retryAll(error.exception());
                return;
            }
            if (error != Errors.NONE) {
                out.failAll(error.exception());
                return;
            }
            List<ConsumerGroupListing> listings = new ArrayList<>();
            for (ListGroupsResponse.ListedGroup g : body.groups()) {
                String protocolType = g.protocolType();
                if (protocolType.equals(ConsumerProtocol.PROTOCOL_TYPE) || protocolType.isEmpty()) {
                    Optional<ConsumerGroupState> state = g.groupState() == null || g.groupState().isEmpty()
                            ? Optional.empty() : Optional.of(ConsumerGroupState.parse(g.groupState()));
                    Optional<GroupType> type = g.groupType() == null || g.groupType().isEmpty()
                            ? Optional.empty() : Optional.of(GroupType.parse(g.groupType()));
                    listings.add(new ConsumerGroupListing(g.groupId(), protocolType.isEmpty(), state, type));
                }
            }
            out.completeAll(listings);
        }
    }

    static final class DescribeGroups implements Fulfiller<String, ConsumerGroupDescription> {
        @Override
        public ClientRequest request(Destination destination, Set<String> keys, int timeoutMs) {
            return ClientRequest.of(new DescribeGroupsRequest().setGroups(new ArrayList<>(keys)));
        }

        @Override
        public void onResponse(Destination destination, Set<String> keys, ClientResponse response,
                               Outcomes<String, ConsumerGroupDescription> out) {
            DescribeGroupsResponse body = response.bodyAs();
            for (DescribeGroupsResponse.DescribedGroup g : body.groups()) {
                Errors error = Errors.forCode(g.errorCode());
                if (error != Errors.NONE) {
                    GroupErrors.handle(g.groupId(), error, null, out);
                    continue;
                }
                String protocolType = g.protocolType();
                if (!protocolType.equals(ConsumerProtocol.PROTOCOL_TYPE) && !protocolType.isEmpty()) {
                    out.fail(g.groupId(), new IllegalArgumentException(
                            "GroupId " + g.groupId() + " is not a consumer group (" + protocolType + ")."));
                    continue;
                }
                List<MemberDescription> members = new ArrayList<>();
                for (DescribeGroupsResponse.DescribedGroupMember m : g.members()) {
                    Set<TopicPartition> assigned = Set.of();
                    if (m.memberAssignment() != null && m.memberAssignment().hasRemaining()) {
                        assigned = new HashSet<>(ConsumerProtocol.deserializeAssignment(m.memberAssignment().duplicate()).partitions());
                    }
                    members.add(new MemberDescription(m.memberId(), Optional.ofNullable(m.groupInstanceId()), m.clientId(),
                            m.clientHost(), new MemberAssignment(assigned)));
                }
                out.complete(g.groupId(), new ConsumerGroupDescription(g.groupId(), protocolType.isEmpty(), members,
                        g.protocolData(), ConsumerGroupState.parse(g.groupState()), response.node()));
            }
        }
    }

    private static final class DeleteGroups implements Fulfiller<String, Void> {
        @Override
        public ClientRequest request(Destination destination, Set<String> keys, int timeoutMs) {
            return ClientRequest.of(new DeleteGroupsRequest().setGroupsNames(new ArrayList<>(keys)));
        }

        @Override
        public void onResponse(Destination destination, Set<String> keys, ClientResponse response, Outcomes<String, Void> out) {
            DeleteGroupsResponse body = response.bodyAs();
            for (DeleteGroupsResponse.DeletableGroupResult r : body.results()) {
                Errors error = Errors.forCode(r.errorCode());
                if (error == Errors.NONE) {
                    out.complete(r.groupId(), null);
                } else {
                    GroupErrors.handle(r.groupId(), error, null, out);
                }
            }
        }
    }
}
