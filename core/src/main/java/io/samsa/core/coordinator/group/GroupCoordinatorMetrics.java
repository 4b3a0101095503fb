package io.samsa.core.coordinator.group;

import com.codahale.metrics.Meter;
import io.samsa.common.TopicPartition;
import io.samsa.core.metrics.BrokerMetrics;
import io.samsa.core.metrics.KafkaMetricName;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The group coordinator's metrics. Kafka's {@code kafka.coordinator.group:type=GroupMetadataManager}
 * gauges — NumGroups, NumGroupsPreparingRebalance, NumGroupsCompletingRebalance, NumGroupsStable,
 * NumGroupsDead, NumGroupsEmpty, NumOffsets — and a rebalance meter,
 * {@code kafka.coordinator.group:type=GroupCoordinator,name=CompletedRebalancesPerSec} (Kafka
 * keeps that count as the {@code group-completed-rebalance-rate} client-style metric).
 *
 * <p>And one Kafka lacks: <b>consumer lag per group and partition</b>,
 * {@code kafka.coordinator.group:type=ConsumerLag,name=Lag,group=G,topic=T,partition=P}, the
 * partition's high watermark (what a consumer can read up to) minus the group's committed offset,
 * for every offset this coordinator holds; and {@code name=TotalLag,group=G}, their sum. These are
 * what an operator alerts on, without polling every group from outside.
 *
 * <p>The counts and committed offsets are taken on the coordinator thread ({@link #refresh}, every
 * {@link #REFRESH_MS}) and read from a volatile snapshot, so a scrape never touches group state; the
 * end offsets are read when the gauge is. Thread-safe.
 */
public final class GroupCoordinatorMetrics {

    /** How often the coordinator thread takes the counts and committed offsets. */
    static final long REFRESH_MS = 2_000;
    private static final String GROUP = "kafka.coordinator.group";

    /** Where a partition's end offset is known. */
    public interface EndOffsets {
        /** The partition's high watermark, or -1 when this broker does not know it (yet). */
        long highWatermark(TopicPartition tp);
    }

    /** One group's committed offsets as last taken. */
    private record Committed(String group, TopicPartition tp, long offset) {
    }

    private final BrokerMetrics metrics;
    private final EndOffsets endOffsets;
    private final Meter completedRebalances;
    private final Map<GroupState, Integer> emptyCounts = new EnumMap<>(GroupState.class);
    private volatile Map<GroupState, Integer> groupsByState;
    private volatile int offsetCount;
    /** The committed offset behind each registered lag gauge: changed by the coordinator thread, read by scrapes. */
    private final Map<KafkaMetricName, Committed> lagGauges = new ConcurrentHashMap<>();
    /** Coordinator thread only. */
    private final Map<String, KafkaMetricName> totalLagGauges = new HashMap<>();
    private volatile Map<String, Collection<Committed>> committedByGroup = Map.of();

    public GroupCoordinatorMetrics(BrokerMetrics metrics, EndOffsets endOffsets) {
        this.metrics = metrics;
        this.endOffsets = endOffsets;
        for (GroupState s : GroupState.values()) {
            emptyCounts.put(s, 0);
        }
        this.groupsByState = Map.copyOf(emptyCounts);
        this.completedRebalances = metrics.meter(KafkaMetricName.of(GROUP, "GroupCoordinator", "CompletedRebalancesPerSec"));
        metrics.gauge(manager("NumGroups"), () -> groupsByState.values().stream().mapToInt(Integer::intValue).sum());
        metrics.gauge(manager("NumGroupsPreparingRebalance"), () -> groupsByState.get(GroupState.PREPARING_REBALANCE));
        metrics.gauge(manager("NumGroupsCompletingRebalance"), () -> groupsByState.get(GroupState.COMPLETING_REBALANCE));
        metrics.gauge(manager("NumGroupsStable"), () -> groupsByState.get(GroupState.STABLE));
        metrics.gauge(manager("NumGroupsDead"), () -> groupsByState.get(GroupState.DEAD));
        metrics.gauge(manager("NumGroupsEmpty"), () -> groupsByState.get(GroupState.EMPTY));
        metrics.gauge(manager("NumOffsets"), () -> offsetCount);
    }

    /** Metrics that read no end offsets (tests of the coordinator alone). */
    static GroupCoordinatorMetrics withoutLag() {
        return new GroupCoordinatorMetrics(new BrokerMetrics(), tp -> -1);
    }

    private static KafkaMetricName manager(String name) {
        return KafkaMetricName.of(GROUP, "GroupMetadataManager", name);
    }

    /** A group finished a rebalance (its leader's assignment was accepted). */
    void rebalanceCompleted() {
        completedRebalances.mark();
    }

    /** Takes the counts and committed offsets of the groups this broker now coordinates. Coordinator thread only. */
    void refresh(Collection<GroupMetadata> groups) {
        Map<GroupState, Integer> counts = new EnumMap<>(emptyCounts);
        Map<String, Collection<Committed>> byGroup = new HashMap<>();
        Map<KafkaMetricName, Committed> wanted = new HashMap<>();
        int offsets = 0;
        for (GroupMetadata g : groups) {
            counts.merge(g.state(), 1, Integer::sum);
            Map<TopicPartition, OffsetAndMetadata> committed = g.committedOffsets();
            offsets += committed.size();
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
                Committed c = new Committed(g.groupId(), e.getKey(), e.getValue().offset());
                wanted.put(lagName(c), c);
                byGroup.computeIfAbsent(g.groupId(), k -> new ArrayList<>()).add(c);
            }
        }
        groupsByState = Map.copyOf(counts);
        offsetCount = offsets;
        committedByGroup = Map.copyOf(byGroup);
        updateLagGauges(wanted);
    }

    private void updateLagGauges(Map<KafkaMetricName, Committed> wanted) {
        for (KafkaMetricName gone : new HashSet<>(lagGauges.keySet())) {
            if (!wanted.containsKey(gone)) {
                lagGauges.remove(gone);
                metrics.remove(gone);
            }
        }
        for (Map.Entry<KafkaMetricName, Committed> e : wanted.entrySet()) {
            Committed before = lagGauges.put(e.getKey(), e.getValue());
            if (before == null) {
                KafkaMetricName name = e.getKey();
                metrics.gauge(name, () -> lag(lagGauges.get(name)));
            }
        }
        Set<String> groups = committedByGroup.keySet();
        for (String gone : new HashSet<>(totalLagGauges.keySet())) {
            if (!groups.contains(gone)) {
                metrics.remove(totalLagGauges.remove(gone));
            }
        }
        for (String group : groups) {
            totalLagGauges.computeIfAbsent(group, g -> {
                KafkaMetricName name = KafkaMetricName.of(GROUP, "ConsumerLag", "TotalLag").withTag("group", g);
                metrics.gauge(name, () -> totalLag(g));
                return name;
            });
        }
    }

    private static KafkaMetricName lagName(Committed c) {
        return KafkaMetricName.of(GROUP, "ConsumerLag", "Lag").withTag("group", c.group())
                .withTag("topic", c.tp().topic()).withTag("partition", Integer.toString(c.tp().partition()));
    }

    /** Records the group has yet to consume from the partition; 0 when its end is not known here. */
    private long lag(Committed c) {
        if (c == null) {
            return 0;
        }
        long hw = endOffsets.highWatermark(c.tp());
        return hw < 0 ? 0 : Math.max(0, hw - c.offset());
    }

    private long totalLag(String group) {
        long sum = 0;
        for (Committed c : committedByGroup.getOrDefault(group, List.of())) {
            sum += lag(c);
        }
        return sum;
    }
}
