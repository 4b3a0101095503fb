package io.samsa.core.coordinator.group;

import io.samsa.common.Errors;

import java.util.List;

/**
 * The answer to one JoinGroup: the generation the member joined, the chosen protocol and the
 * leader, and — for the leader only — every member's metadata to assign from. Immutable.
 */
public record JoinGroupResult(List<Member> members, String memberId, int generationId, String protocolType,
                              String protocolName, String leaderId, boolean skipAssignment, Errors error) {

    /** One member as the leader sees it: its id, static instance id and subscription metadata. */
    public record Member(String memberId, String groupInstanceId, byte[] metadata) {
    }

    public static JoinGroupResult error(String memberId, Errors error) {
        return new JoinGroupResult(List.of(), memberId, GroupMetadata.NO_GENERATION, null, null, "", false, error);
    }
}
