package io.samsa.core.network;

import com.codahale.metrics.Meter;
import io.netty.channel.Channel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.samsa.core.metrics.BrokerMetrics;
import io.samsa.core.metrics.KafkaMetricName;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The socket server's metrics: Kafka's {@code kafka.network:type=SocketServer,name=NetworkProcessorAvgIdlePercent}
 * (0 to 1), and per listener the open connections and the rate they are opened at,
 * {@code kafka.network:type=SocketServer,name=ConnectionCount,listener=L} and
 * {@code name=ConnectionCreationsPerSec,listener=L} (Kafka keeps these two as the
 * {@code connection-count} and {@code connection-creation-rate} attributes of its
 * {@code socket-server-metrics} MBean, which one Dropwizard metric per MBean cannot express).
 *
 * <p>An event loop thread is idle while it waits in epoll; so idleness is measured as the share of
 * wall time the network threads were off the CPU, from their CPU times, over at least
 * {@link #IDLE_WINDOW_NANOS} between reads — no cost at all on the request path. Thread-safe.
 */
public final class SocketServerMetrics {

    private static final String GROUP = "kafka.network";
    private static final String TYPE = "SocketServer";
    static final long IDLE_WINDOW_NANOS = 1_000_000_000L;

    private final BrokerMetrics metrics;
    private final ThreadMXBean threadsBean = ManagementFactory.getThreadMXBean();
    private final List<Thread> networkThreads = new CopyOnWriteArrayList<>();
    /** Guarded by this: the last sample of the network threads' CPU time, and the idle share it gave. */
    private long sampledAtNanos = System.nanoTime();
    private long sampledCpuNanos;
    private double idle = 1.0;

    public SocketServerMetrics(BrokerMetrics metrics) {
        this.metrics = metrics;
        metrics.gauge(KafkaMetricName.of(GROUP, TYPE, "NetworkProcessorAvgIdlePercent"), this::networkIdle);
    }

    /** Makes the network threads, remembering them so their CPU time can be read. */
    ThreadFactory networkThreadFactory(String poolName) {
        ThreadFactory threads = new DefaultThreadFactory(poolName, true);
        return task -> {
            Thread t = threads.newThread(task);
            networkThreads.add(t);
            return t;
        };
    }

    private synchronized double networkIdle() {
        long now = System.nanoTime();
        if (now - sampledAtNanos >= IDLE_WINDOW_NANOS && !networkThreads.isEmpty()) {
            long cpu = 0;
            int alive = 0;
            for (Thread t : networkThreads) {
                long c = threadsBean.getThreadCpuTime(t.getId());
                if (c >= 0) {
                    cpu += c;
                    alive++;
                }
            }
            if (alive > 0) {
                double busy = (double) (cpu - sampledCpuNanos) / ((double) (now - sampledAtNanos) * alive);
                idle = Math.max(0.0, Math.min(1.0, 1.0 - busy));
            }
            sampledAtNanos = now;
            sampledCpuNanos = cpu;
        }
        return idle;
    }

    /** Counts one listener's connections. */
    ListenerConnections listener(String listenerName) {
        return new ListenerConnections(listenerName);
    }

    /** One listener's open connections and their creation rate. */
    final class ListenerConnections {
        private final AtomicInteger open = new AtomicInteger();
        private final Meter created;

        private ListenerConnections(String listenerName) {
            metrics.gauge(KafkaMetricName.of(GROUP, TYPE, "ConnectionCount").withTag("listener", listenerName), open::get);
            created = metrics.meter(KafkaMetricName.of(GROUP, TYPE, "ConnectionCreationsPerSec").withTag("listener", listenerName));
        }

        /** A connection was accepted; it counts until it closes. */
        void accepted(Channel channel) {
            open.incrementAndGet();
            created.mark();
            channel.closeFuture().addListener(f -> open.decrementAndGet());
        }
    }
}
