package io.samsa.core.server;

import io.samsa.common.Time;
import io.samsa.core.controller.Controller;
import io.samsa.core.controller.ControllerConfig;
import io.samsa.core.server.controllerchannel.ControllerChannelManager;
import io.samsa.zk.SamsaZkClient;

/**
 * This broker's part in cluster control: it stands in the controller election and, when
 * elected, runs the controller, which reaches brokers through a {@link ControllerChannelManager}
 * on the inter-broker listener. Thread-safe.
 */
final class BrokerControllerRole implements AutoCloseable {

    private final ControllerChannelManager channel;
    private final Controller controller;

    BrokerControllerRole(SamsaZkClient zk, BrokerConfig config, Time time, String interBrokerListener) {
        this.channel = new ControllerChannelManager(config.brokerId(), interBrokerListener);
        this.controller = new Controller(new ControllerConfig(config.brokerId(),
                config.getBoolean(BrokerConfig.UNCLEAN_LEADER_ELECTION_ENABLE),
                config.getBoolean(BrokerConfig.DELETE_TOPIC_ENABLE)), zk, channel, time);
    }

    void start() {
        controller.start();
    }

    boolean isActive() {
        return controller.isActive();
    }

    Controller controller() {
        return controller;
    }

    @Override
    public void close() {
        controller.close();
        channel.close();
    }
}
