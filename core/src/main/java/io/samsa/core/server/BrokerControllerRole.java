package io.samsa.core.server;

import io.samsa.common.Time;
import io.samsa.core.controller.Controller;
import io.samsa.core.controller.ControllerConfig;
import io.samsa.core.log.Scheduler;
import io.samsa.core.metrics.BrokerMetrics;
import io.samsa.core.server.controllerchannel.ControllerChannelManager;
import io.samsa.core.server.liveness.RefusedConnectionProbe;
import io.samsa.zk.SamsaZkClient;

/**
 * This broker's part in cluster control: it stands in the controller election and, when
 * elected, runs the controller, which reaches brokers through a {@link ControllerChannelManager}
 * on the inter-broker listener and learns within a second when one of their processes is gone
 * ({@link RefusedConnectionProbe}), instead of after the ZooKeeper session timeout. Thread-safe.
 */
final class BrokerControllerRole implements AutoCloseable {

    /** How often the controller checks that the other brokers' processes still exist. */
    static final long PROBE_INTERVAL_MS = 500;
    /** Refusals in a row that mean a process is gone (two rule out a port closed for an instant). */
    static final int REFUSALS_TO_FAIL = 2;

    private final ControllerChannelManager channel;
    private final Controller controller;
    private final RefusedConnectionProbe probe;
    private final Scheduler scheduler;
    private final long leaderBalanceIntervalMs;
    private Scheduler.Task leaderBalanceCheck;

    /**
     * @param scheduler runs the leader balance check every {@code leader.imbalance.check.interval.seconds}
     *     when {@code auto.leader.rebalance.enable}
     */
    BrokerControllerRole(SamsaZkClient zk, BrokerConfig config, Time time, String interBrokerListener, Scheduler scheduler,
                         BrokerMetrics metrics) {
        this.channel = new ControllerChannelManager(config.brokerId(), interBrokerListener);
        this.controller = new Controller(new ControllerConfig(config.brokerId(),
                config.getBoolean(BrokerConfig.UNCLEAN_LEADER_ELECTION_ENABLE),
                config.getBoolean(BrokerConfig.DELETE_TOPIC_ENABLE),
                config.getInt(BrokerConfig.LEADER_IMBALANCE_PER_BROKER_PERCENTAGE)), zk, channel, time, metrics);
        this.probe = new RefusedConnectionProbe("controller-broker-probe-" + config.brokerId(), PROBE_INTERVAL_MS, REFUSALS_TO_FAIL,
                channel::probeTargets, t -> controller.brokerUnreachable(t.id(), t.epoch()));
        this.scheduler = scheduler;
        this.leaderBalanceIntervalMs = config.getBoolean(BrokerConfig.AUTO_LEADER_REBALANCE_ENABLE)
                ? config.getLong(BrokerConfig.LEADER_IMBALANCE_CHECK_INTERVAL_SECONDS) * 1000 : -1;
    }

    void start() {
        controller.start();
        probe.start();
        if (leaderBalanceIntervalMs > 0) {
            // Every broker ticks; only the active controller's event thread acts on it.
            leaderBalanceCheck = scheduler.schedule("leader-balance-check", controller::checkLeaderBalance,
                    leaderBalanceIntervalMs, leaderBalanceIntervalMs);
        }
    }

    boolean isActive() {
        return controller.isActive();
    }

    Controller controller() {
        return controller;
    }

    @Override
    public void close() {
        if (leaderBalanceCheck != null) {
            leaderBalanceCheck.cancel();
        }
        probe.close();
        controller.close();
        channel.close();
    }
}
