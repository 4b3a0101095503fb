package io.samsa.clients.consumer.internals;

import io.samsa.clients.consumer.ConsumerRebalanceListener;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.InterruptException;
import io.samsa.common.errors.SamsaException;
import io.samsa.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.Comparator;

/**
 * Calls the application's {@link ConsumerRebalanceListener} on the application thread (from
 * inside poll, unsubscribe or close), with the partitions sorted, as Kafka does. A listener's
 * exception is logged and returned so the rebalance can finish its bookkeeping before poll
 * rethrows it; a wakeup or interrupt is returned as is. Stateless apart from the subscription it
 * reads the listener from; application thread only.
 */
final class RebalanceListenerInvoker {

    private static final Logger log = LoggerFactory.getLogger(RebalanceListenerInvoker.class);

    private final SubscriptionState subscriptions;

    RebalanceListenerInvoker(SubscriptionState subscriptions) {
        this.subscriptions = subscriptions;
    }

    RuntimeException revoked(Set<TopicPartition> partitions) {
        log.info("Revoking previously assigned partitions {}", partitions);
        return invoke("onPartitionsRevoked", partitions, l -> l.onPartitionsRevoked(sorted(partitions)));
    }

    RuntimeException assigned(Set<TopicPartition> partitions) {
        log.info("Adding newly assigned partitions: {}", partitions);
        return invoke("onPartitionsAssigned", partitions, l -> l.onPartitionsAssigned(sorted(partitions)));
    }

    RuntimeException lost(Set<TopicPartition> partitions) {
        log.info("Lost previously assigned partitions {}", partitions);
        return invoke("onPartitionsLost", partitions, l -> l.onPartitionsLost(sorted(partitions)));
    }

    private interface Call {
        void run(ConsumerRebalanceListener listener);
    }

    private RuntimeException invoke(String name, Collection<TopicPartition> partitions, Call call) {
        try {
            call.run(subscriptions.listener());
            return null;
        } catch (WakeupException | InterruptException e) {
            return e;
        } catch (RuntimeException e) {
            log.error("User provided listener {} failed on invocation of {} for partitions {}",
                    subscriptions.listener().getClass().getName(), name, partitions, e);
            return new SamsaException("User rebalance callback throws an error", e);
        }
    }

    private static SortedSet<TopicPartition> sorted(Collection<TopicPartition> partitions) {
        SortedSet<TopicPartition> out = new TreeSet<>(Comparator.comparing(TopicPartition::topic)
                .thenComparingInt(TopicPartition::partition));
        out.addAll(partitions);
        return out;
    }

    static List<TopicPartition> sortedList(Collection<TopicPartition> partitions) {
        return List.copyOf(sorted(partitions));
    }
}
