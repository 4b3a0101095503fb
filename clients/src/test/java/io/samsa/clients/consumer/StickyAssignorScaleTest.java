package io.samsa.clients.consumer;

import static io.samsa.clients.consumer.AssignorInvariants.assertBalanced;
import static io.samsa.clients.consumer.AssignorInvariants.assertEvenlyBalanced;
import static io.samsa.clients.consumer.AssignorInvariants.assertValid;
import static io.samsa.clients.consumer.KafkaAssignorTypes.partitionsOf;

import io.samsa.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import io.samsa.clients.consumer.ConsumerPartitionAssignor.Subscription;
import io.samsa.common.Cluster;
import io.samsa.common.TopicPartition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Large groups are assigned in well under the rebalance timeout, and a second generation stays sticky. */
class StickyAssignorScaleTest {

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aLargeGroupWithDifferentSubscriptions() {
        run(false);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aLargeGroupWithTheSameSubscriptions() {
        run(true);
    }

    private static void run(boolean uniform) {
        Random random = new Random(3);
        Map<String, Integer> topics = new TreeMap<>();
        for (int t = 0; t < 50; t++) {
            topics.put("topic" + t, 1 + random.nextInt(200));
        }
        Cluster cluster = AssignorScenarios.plainCluster(topics);
        List<String> all = new ArrayList<>(topics.keySet());
        Map<String, Subscription> members = new HashMap<>();
        for (int m = 0; m < 400; m++) {
            List<String> mine = new ArrayList<>();
            for (String t : all) {
                if (uniform || random.nextInt(4) == 0) {
                    mine.add(t);
                }
            }
            members.put("member-" + m, new Subscription(mine.isEmpty() ? List.of("topic0") : mine));
        }
        CooperativeStickyAssignor assignor = new CooperativeStickyAssignor();
        Map<String, List<TopicPartition>> first = partitionsOf(assignor.assign(cluster, new GroupSubscription(members)));
        assertValid(cluster, members, first, true);

        // Next generation: every member reports what it owns, a tenth of them left.
        Map<String, Subscription> next = new HashMap<>();
        members.forEach((id, s) -> {
            if (random.nextInt(10) != 0) {
                next.put(id, new Subscription(s.topics(), null, first.get(id), 1, Optional.empty()));
            }
        });
        Map<String, List<TopicPartition>> second = partitionsOf(assignor.assign(cluster, new GroupSubscription(next)));
        assertValid(cluster, next, second, true);
        if (uniform) {
            assertEvenlyBalanced(first);
            assertEvenlyBalanced(second);
        } else {
            assertBalanced(members, first);
            assertBalanced(next, second);
        }
    }
}
