package io.samsa.core.coordinator.group;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One member of a classic group: who it is, the protocols it supports, its timeouts, its current
 * assignment, and the JoinGroup or SyncGroup answer it is waiting for. Not thread-safe: owned by
 * the coordinator thread.
 */
public final class MemberMetadata {

    private static final byte[] EMPTY = new byte[0];

    private String memberId;
    private final String groupInstanceId;
    private final String clientId;
    private final String clientHost;
    private final String protocolType;
    private int rebalanceTimeoutMs;
    private int sessionTimeoutMs;
    private List<Protocol> supportedProtocols;
    private byte[] assignment = EMPTY;
    private Consumer<JoinGroupResult> awaitingJoin;
    private Consumer<SyncGroupResult> awaitingSync;
    /** Joined but not yet answered; such a member may expire while waiting for the rebalance. */
    private boolean isNew;
    private CoordinatorScheduler.Cancellable sessionTimer;

    public MemberMetadata(String memberId, String groupInstanceId, String clientId, String clientHost,
                          int rebalanceTimeoutMs, int sessionTimeoutMs, String protocolType, List<Protocol> supportedProtocols) {
        this.memberId = memberId;
        this.groupInstanceId = groupInstanceId;
        this.clientId = clientId;
        this.clientHost = clientHost;
        this.rebalanceTimeoutMs = rebalanceTimeoutMs;
        this.sessionTimeoutMs = sessionTimeoutMs;
        this.protocolType = protocolType;
        this.supportedProtocols = List.copyOf(supportedProtocols);
    }

    public String memberId() {
        return memberId;
    }

    void memberId(String id) {
        this.memberId = id;
    }

    public String groupInstanceId() {
        return groupInstanceId;
    }

    public boolean isStatic() {
        return groupInstanceId != null;
    }

    public String clientId() {
        return clientId;
    }

    public String clientHost() {
        return clientHost;
    }

    public String protocolType() {
        return protocolType;
    }

    public int rebalanceTimeoutMs() {
        return rebalanceTimeoutMs;
    }

    public int sessionTimeoutMs() {
        return sessionTimeoutMs;
    }

    public List<Protocol> supportedProtocols() {
        return supportedProtocols;
    }

    void update(List<Protocol> protocols, int rebalanceTimeoutMs, int sessionTimeoutMs) {
        this.supportedProtocols = List.copyOf(protocols);
        this.rebalanceTimeoutMs = rebalanceTimeoutMs;
        this.sessionTimeoutMs = sessionTimeoutMs;
    }

    public byte[] assignment() {
        return assignment;
    }

    void assignment(byte[] assignment) {
        this.assignment = assignment == null ? EMPTY : assignment;
    }

    /** The member's metadata for {@code protocol}, or an empty array if it does not support it. */
    public byte[] metadata(String protocol) {
        for (Protocol p : supportedProtocols) {
            if (p.name().equals(protocol)) {
                return p.metadata();
            }
        }
        return EMPTY;
    }

    /** Whether {@code protocols} are exactly the ones this member joined with, in the same order. */
    boolean matches(List<Protocol> protocols) {
        if (protocols.size() != supportedProtocols.size()) {
            return false;
        }
        for (int i = 0; i < protocols.size(); i++) {
            Protocol a = protocols.get(i);
            Protocol b = supportedProtocols.get(i);
            if (!a.name().equals(b.name()) || !Arrays.equals(a.metadata(), b.metadata())) {
                return false;
            }
        }
        return true;
    }

    /** This member's preferred protocol among {@code candidates}. */
    String vote(Set<String> candidates) {
        for (Protocol p : supportedProtocols) {
            if (candidates.contains(p.name())) {
                return p.name();
            }
        }
        throw new IllegalArgumentException("Member " + memberId + " supports none of " + candidates);
    }

    boolean isAwaitingJoin() {
        return awaitingJoin != null;
    }

    boolean isAwaitingSync() {
        return awaitingSync != null;
    }

    void awaitJoin(Consumer<JoinGroupResult> callback) {
        this.awaitingJoin = callback;
    }

    void awaitSync(Consumer<SyncGroupResult> callback) {
        this.awaitingSync = callback;
    }

    /** Answers the waiting JoinGroup, if any. Returns whether there was one. */
    boolean completeJoin(JoinGroupResult result) {
        Consumer<JoinGroupResult> cb = awaitingJoin;
        if (cb == null) {
            return false;
        }
        awaitingJoin = null;
        cb.accept(result);
        return true;
    }

    /** Answers the waiting SyncGroup, if any. Returns whether there was one. */
    boolean completeSync(SyncGroupResult result) {
        Consumer<SyncGroupResult> cb = awaitingSync;
        if (cb == null) {
            return false;
        }
        awaitingSync = null;
        cb.accept(result);
        return true;
    }

    boolean isNew() {
        return isNew;
    }

    void isNew(boolean isNew) {
        this.isNew = isNew;
    }

    /** Replaces the pending session-expiry timer. */
    void sessionTimer(CoordinatorScheduler.Cancellable timer) {
        cancelSessionTimer();
        this.sessionTimer = timer;
    }

    void cancelSessionTimer() {
        if (sessionTimer != null) {
            sessionTimer.cancel();
            sessionTimer = null;
        }
    }

    @Override
    public String toString() {
        return "Member(" + memberId + (groupInstanceId == null ? "" : ", instance " + groupInstanceId) + ", client " + clientId
                + " " + clientHost + ")";
    }
}
