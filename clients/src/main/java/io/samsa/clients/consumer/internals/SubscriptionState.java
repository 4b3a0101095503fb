package io.samsa.clients.consumer.internals;

import io.samsa.clients.consumer.ConsumerRebalanceListener;
import io.samsa.clients.consumer.OffsetAndMetadata;
import io.samsa.clients.consumer.OffsetResetStrategy;
import io.samsa.common.TopicPartition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the consumer reads: its subscription (topics, a pattern, or partitions assigned by hand),
 * the partitions assigned to it, and per partition its position, its fetch state (needs a committed
 * offset, needs a reset, needs validation, fetching), pause flag and the watermarks of the last
 * fetch. Owned by the application thread: not thread-safe, and never touched by the I/O thread
 * (fetch and offset answers reach it through the application thread); only
 * {@link #numAssignedPartitions} may be read from any thread (by the metrics).
 */
public final class SubscriptionState {

    /** How the consumer chose its partitions; the kinds cannot be mixed, as in Kafka. */
    public enum Type { NONE, AUTO_TOPICS, AUTO_PATTERN, USER_ASSIGNED }

    /** What a partition waits for before it can be fetched. */
    public enum FetchState {
        /** Just assigned: look for a committed offset first (a group), else reset. */
        INITIALIZING,
        /** Reset by the partition's {@link OffsetResetStrategy}. */
        AWAIT_RESET,
        /** The leader changed since the position was taken; check it was not truncated (KIP-320). */
        AWAIT_VALIDATION,
        FETCHING
    }

    /** One assigned partition. Mutable, application thread only. */
    static final class PartitionState {
        FetchState state = FetchState.INITIALIZING;
        FetchPosition position;
        OffsetResetStrategy resetStrategy;
        boolean paused;
        boolean pendingRevocation;
        Long highWatermark;
        Long logStartOffset;
        Long lastStableOffset;
    }

    private final OffsetResetStrategy defaultResetStrategy;
    private Type type = Type.NONE;
    private Set<String> subscription = Set.of();
    private Pattern pattern;
    private ConsumerRebalanceListener listener = new NoOpListener();
    private final Map<TopicPartition, PartitionState> assignment = new LinkedHashMap<>();
    private int assignmentVersion;
    /** The assignment's size, for the {@code assigned-partitions} metric that any thread may read. */
    private volatile int assignedCount;

    public SubscriptionState(OffsetResetStrategy defaultResetStrategy) {
        this.defaultResetStrategy = defaultResetStrategy;
    }

    // ---- subscription ----

    /** Subscribes to exactly {@code topics}; returns whether the set changed. */
    public boolean subscribe(Collection<String> topics, ConsumerRebalanceListener listener) {
        setType(Type.AUTO_TOPICS);
        this.listener = listener == null ? new NoOpListener() : listener;
        return changeSubscription(new HashSet<>(topics));
    }

    public void subscribe(Pattern pattern, ConsumerRebalanceListener listener) {
        setType(Type.AUTO_PATTERN);
        this.pattern = pattern;
        this.listener = listener == null ? new NoOpListener() : listener;
    }

    /** A pattern subscription's topics after a metadata refresh; returns whether they changed. */
    public boolean subscribeFromPattern(Set<String> topics) {
        if (type != Type.AUTO_PATTERN) {
            throw new IllegalStateException("Not subscribed to a pattern");
        }
        return changeSubscription(topics);
    }

    private boolean changeSubscription(Set<String> topics) {
        if (subscription.equals(topics)) {
            return false;
        }
        subscription = Set.copyOf(topics);
        return true;
    }

    /** Assigns partitions by hand; returns whether the assignment changed. */
    public boolean assignFromUser(Collection<TopicPartition> partitions) {
        setType(Type.USER_ASSIGNED);
        Set<TopicPartition> wanted = new HashSet<>(partitions);
        if (wanted.equals(assignment.keySet())) {
            return false;
        }
        replaceAssignment(wanted);
        subscription = Set.of();
        for (TopicPartition tp : partitions) {
            subscription = union(subscription, tp.topic());
        }
        return true;
    }

    private static Set<String> union(Set<String> s, String t) {
        Set<String> out = new HashSet<>(s);
        out.add(t);
        return Set.copyOf(out);
    }

    /** The group's assignment to this member (partitions of subscribed topics only). */
    public void assignFromSubscribed(Collection<TopicPartition> partitions) {
        if (!hasAutoAssignment()) {
            throw new IllegalStateException("Not subscribed to topics or a pattern");
        }
        replaceAssignment(new HashSet<>(partitions));
    }

    private void replaceAssignment(Set<TopicPartition> wanted) {
        assignment.keySet().retainAll(wanted);
        for (TopicPartition tp : wanted) {
            assignment.computeIfAbsent(tp, k -> new PartitionState());
        }
        assignmentVersion++;
        assignedCount = assignment.size();
    }

    public void unsubscribe() {
        type = Type.NONE;
        subscription = Set.of();
        pattern = null;
        listener = new NoOpListener();
        assignment.clear();
        assignmentVersion++;
        assignedCount = 0;
    }

    private void setType(Type wanted) {
        if (type == Type.NONE) {
            type = wanted;
        } else if (type != wanted) {
            throw new IllegalStateException("Subscription to topics, partitions and pattern are mutually exclusive");
        }
    }

    public Type type() {
        return type;
    }

    public boolean hasAutoAssignment() {
        return type == Type.AUTO_TOPICS || type == Type.AUTO_PATTERN;
    }

    public boolean hasPatternSubscription() {
        return type == Type.AUTO_PATTERN;
    }

    public Pattern pattern() {
        return pattern;
    }

    public Set<String> subscription() {
        return hasAutoAssignment() ? subscription : Set.of();
    }

    /** The topics whose metadata the consumer needs. */
    public Set<String> metadataTopics() {
        return subscription;
    }

    public ConsumerRebalanceListener listener() {
        return listener;
    }

    public Set<TopicPartition> assignedPartitions() {
        return Set.copyOf(assignment.keySet());
    }

    /** How many partitions are assigned; the one method any thread may call. */
    public int numAssignedPartitions() {
        return assignedCount;
    }

    public List<TopicPartition> assignedPartitionsList() {
        return new ArrayList<>(assignment.keySet());
    }

    /** Bumped whenever the assigned set changes (fetches for an old assignment are dropped). */
    public int assignmentVersion() {
        return assignmentVersion;
    }

    public boolean isAssigned(TopicPartition tp) {
        return assignment.containsKey(tp);
    }

    // ---- positions ----

    private PartitionState state(TopicPartition tp) {
        PartitionState s = assignment.get(tp);
        if (s == null) {
            throw new IllegalStateException("No current assignment for partition " + tp);
        }
        return s;
    }

    public void seek(TopicPartition tp, long offset) {
        seek(tp, FetchPosition.of(offset));
    }

    public void seek(TopicPartition tp, FetchPosition position) {
        PartitionState s = state(tp);
        s.position = position;
        s.state = FetchState.FETCHING;
        s.resetStrategy = null;
    }

    /** Seeks only if the partition is still assigned and still waiting for a position. */
    public void seekIfAwaiting(TopicPartition tp, FetchPosition position, FetchState expected) {
        PartitionState s = assignment.get(tp);
        if (s != null && s.state == expected) {
            seek(tp, position);
        }
    }

    /** Moves the position after records were returned to the application. */
    public void advance(TopicPartition tp, FetchPosition position) {
        PartitionState s = assignment.get(tp);
        if (s != null && s.state == FetchState.FETCHING) {
            s.position = position;
        }
    }

    public FetchPosition position(TopicPartition tp) {
        return state(tp).position;
    }

    public boolean hasValidPosition(TopicPartition tp) {
        PartitionState s = assignment.get(tp);
        return s != null && s.state == FetchState.FETCHING;
    }

    public FetchState fetchState(TopicPartition tp) {
        return state(tp).state;
    }

    public void requestReset(TopicPartition tp, OffsetResetStrategy strategy) {
        PartitionState s = state(tp);
        s.state = FetchState.AWAIT_RESET;
        s.resetStrategy = strategy;
        s.position = null;
    }

    /** Resets by the configured policy; false when the policy is NONE. */
    public boolean requestDefaultReset(TopicPartition tp) {
        if (defaultResetStrategy == OffsetResetStrategy.NONE) {
            return false;
        }
        requestReset(tp, defaultResetStrategy);
        return true;
    }

    public OffsetResetStrategy defaultResetStrategy() {
        return defaultResetStrategy;
    }

    public OffsetResetStrategy resetStrategy(TopicPartition tp) {
        return state(tp).resetStrategy;
    }

    public void requestValidation(TopicPartition tp) {
        PartitionState s = state(tp);
        if (s.position != null && s.position.offsetEpoch().isPresent()) {
            s.state = FetchState.AWAIT_VALIDATION;
        }
    }

    public void completeValidation(TopicPartition tp, Optional<Integer> currentLeaderEpoch) {
        PartitionState s = assignment.get(tp);
        if (s != null && s.state == FetchState.AWAIT_VALIDATION) {
            s.state = FetchState.FETCHING;
            s.position = s.position.withCurrentLeaderEpoch(currentLeaderEpoch);
        }
    }

    /** The leader's epoch moved on, but the position needs no check (it has no epoch of its own). */
    public void updateCurrentLeaderEpoch(TopicPartition tp, Optional<Integer> epoch) {
        PartitionState s = assignment.get(tp);
        if (s != null && s.position != null) {
            s.position = s.position.withCurrentLeaderEpoch(epoch);
        }
    }

    public List<TopicPartition> partitionsIn(FetchState wanted) {
        List<TopicPartition> out = new ArrayList<>();
        assignment.forEach((tp, s) -> {
            if (s.state == wanted) {
                out.add(tp);
            }
        });
        return out;
    }

    public boolean hasAllFetchPositions() {
        for (PartitionState s : assignment.values()) {
            if (s.state != FetchState.FETCHING) {
                return false;
            }
        }
        return true;
    }

    /** Partitions to fetch from: assigned, positioned, not paused, not being revoked. */
    public List<TopicPartition> fetchablePartitions() {
        return fetchablePartitions(new ArrayList<>());
    }

    /** Appends the fetchable partitions, in assignment order, to {@code into} (a list the fetcher reuses); returns it. */
    public List<TopicPartition> fetchablePartitions(List<TopicPartition> into) {
        for (Map.Entry<TopicPartition, PartitionState> e : assignment.entrySet()) {
            if (isFetchable(e.getValue())) {
                into.add(e.getKey());
            }
        }
        return into;
    }

    public boolean isFetchable(TopicPartition tp) {
        PartitionState s = assignment.get(tp);
        return s != null && isFetchable(s);
    }

    private static boolean isFetchable(PartitionState s) {
        return s.state == FetchState.FETCHING && !s.paused && !s.pendingRevocation;
    }

    /** The positions to commit: every positioned partition's offset and epoch. */
    public Map<TopicPartition, OffsetAndMetadata> allConsumed() {
        Map<TopicPartition, OffsetAndMetadata> out = new LinkedHashMap<>();
        assignment.forEach((tp, s) -> {
            if (s.state == FetchState.FETCHING && s.position != null) {
                out.put(tp, new OffsetAndMetadata(s.position.offset(), s.position.offsetEpoch(), ""));
            }
        });
        return out;
    }

    // ---- pause, revocation, watermarks ----

    public void pause(TopicPartition tp) {
        state(tp).paused = true;
    }

    public void resume(TopicPartition tp) {
        state(tp).paused = false;
    }

    public boolean isPaused(TopicPartition tp) {
        PartitionState s = assignment.get(tp);
        return s != null && s.paused;
    }

    public Set<TopicPartition> pausedPartitions() {
        Set<TopicPartition> out = new HashSet<>();
        assignment.forEach((tp, s) -> {
            if (s.paused) {
                out.add(tp);
            }
        });
        return out;
    }

    /** Stops fetching partitions that a cooperative rebalance is about to take away. */
    public void markPendingRevocation(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            PartitionState s = assignment.get(tp);
            if (s != null) {
                s.pendingRevocation = true;
            }
        }
    }

    public void updateWatermarks(TopicPartition tp, long highWatermark, long logStartOffset, long lastStableOffset) {
        PartitionState s = assignment.get(tp);
        if (s == null) {
            return;
        }
        if (highWatermark >= 0) {
            s.highWatermark = highWatermark;
        }
        if (logStartOffset >= 0) {
            s.logStartOffset = logStartOffset;
        }
        if (lastStableOffset >= 0) {
            s.lastStableOffset = lastStableOffset;
        }
    }

    /** Lag to the high watermark (or the last stable offset under read_committed), if known. */
    public Optional<Long> lag(TopicPartition tp, boolean readCommitted) {
        long lag = lagOrMin(tp, readCommitted);
        return lag == Long.MIN_VALUE ? Optional.empty() : Optional.of(lag);
    }

    /** {@link #lag} unboxed, for the fetcher's per-poll metric: {@code Long.MIN_VALUE} when unknown. */
    public long lagOrMin(TopicPartition tp, boolean readCommitted) {
        PartitionState s = assignment.get(tp);
        if (s == null || s.position == null) {
            return Long.MIN_VALUE;
        }
        Long end = readCommitted ? s.lastStableOffset : s.highWatermark;
        return end == null ? Long.MIN_VALUE : end - s.position.offset();
    }

    /** How far the position is past the log start offset, Kafka's lead: {@code Long.MIN_VALUE} when unknown. */
    public long leadOrMin(TopicPartition tp) {
        PartitionState s = assignment.get(tp);
        if (s == null || s.position == null || s.logStartOffset == null) {
            return Long.MIN_VALUE;
        }
        return s.position.offset() - s.logStartOffset;
    }

    /** Kafka's listener when none is given. */
    private static final class NoOpListener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        }
    }
}
