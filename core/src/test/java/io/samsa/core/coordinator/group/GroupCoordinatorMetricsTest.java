package io.samsa.core.coordinator.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.codahale.metrics.Gauge;
import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.core.metrics.BrokerMetrics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class GroupCoordinatorMetricsTest {

    private static final TopicPartition T0 = new TopicPartition("t", 0);
    private static final TopicPartition T1 = new TopicPartition("t", 1);

    private final BrokerMetrics metrics = new BrokerMetrics();
    private final Map<TopicPartition, Long> highWatermarks = new ConcurrentHashMap<>();
    private final GroupTestKit kit = new GroupTestKit(GroupConfig.defaults().withInitialRebalanceDelayMs(0),
            new GroupCoordinatorMetrics(metrics, tp -> highWatermarks.getOrDefault(tp, -1L)));

    private Object gauge(String name) {
        Gauge<?> g = metrics.registry().getGauges().get("kafka.coordinator.group:" + name);
        return g == null ? null : g.getValue();
    }

    private void refresh() {
        kit.scheduler.advance(GroupCoordinatorMetrics.REFRESH_MS);
    }

    @Test
    void countsGroupsByStateOffsetsAndCompletedRebalances() {
        JoinGroupResult joined = kit.joinNew("g", GroupTestKit.range("t")).get();
        assertEquals(Errors.NONE, joined.error());
        assertEquals(Errors.NONE, kit.sync("g", joined.generationId(), joined.memberId(), Map.of(joined.memberId(), new byte[0])).get().error());
        kit.commit("g", joined.memberId(), joined.generationId(), Map.of(T0, 5L, T1, 3L));
        kit.commit("solo", "", -1, Map.of(T0, 1L));
        refresh();
        assertEquals(2, gauge("type=GroupMetadataManager,name=NumGroups"));
        assertEquals(1, gauge("type=GroupMetadataManager,name=NumGroupsStable"));
        assertEquals(1, gauge("type=GroupMetadataManager,name=NumGroupsEmpty"));
        assertEquals(0, gauge("type=GroupMetadataManager,name=NumGroupsPreparingRebalance"));
        assertEquals(3, gauge("type=GroupMetadataManager,name=NumOffsets"));
        assertEquals(1, metrics.registry().meter("kafka.coordinator.group:type=GroupCoordinator,name=CompletedRebalancesPerSec").getCount());
    }

    @Test
    void lagIsTheHighWatermarkMinusTheCommittedOffsetPerPartitionAndInTotal() {
        kit.commit("g", "", -1, Map.of(T0, 5L, T1, 3L));
        highWatermarks.put(T0, 12L);
        refresh();
        assertEquals(7L, gauge("type=ConsumerLag,name=Lag,group=g,topic=t,partition=0"));
        assertEquals(0L, gauge("type=ConsumerLag,name=Lag,group=g,topic=t,partition=1"), "an end not known here reads 0");
        assertEquals(7L, gauge("type=ConsumerLag,name=TotalLag,group=g"));

        highWatermarks.put(T0, 20L);
        highWatermarks.put(T1, 4L);
        assertEquals(15L, gauge("type=ConsumerLag,name=Lag,group=g,topic=t,partition=0"), "end offsets are read live");
        assertEquals(16L, gauge("type=ConsumerLag,name=TotalLag,group=g"));

        kit.commit("g", "", -1, Map.of(T0, 20L));
        refresh();
        assertEquals(0L, gauge("type=ConsumerLag,name=Lag,group=g,topic=t,partition=0"), "a new commit shows at the next refresh");
    }

    @Test
    void aDeletedGroupsLagGaugesGo() {
        kit.commit("g", "", -1, Map.of(T0, 5L));
        refresh();
        assertEquals(0L, gauge("type=ConsumerLag,name=Lag,group=g,topic=t,partition=0"));
        GroupTestKit.Pending<Map<String, Errors>> deleted = new GroupTestKit.Pending<>();
        kit.coordinator.deleteGroups(List.of("g"), deleted::complete);
        kit.scheduler.drain();
        assertEquals(Errors.NONE, deleted.get().get("g"));
        refresh();
        assertNull(gauge("type=ConsumerLag,name=Lag,group=g,topic=t,partition=0"));
        assertNull(gauge("type=ConsumerLag,name=TotalLag,group=g"));
    }
}
