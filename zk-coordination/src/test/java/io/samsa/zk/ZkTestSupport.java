package io.samsa.zk;


import io.samsa.common.Time;
import org.apache.curator.test.TestingServer;

/** Helpers shared by the ZooKeeper tests: an embedded server, clients, and polling with a deadline. */
final class ZkTestSupport {

    static final int SESSION_TIMEOUT_MS = 6_000;

    private ZkTestSupport() {
    }

    static TestingServer newServer() throws Exception {
        return new TestingServer(-1, true);
    }

    static SamsaZkClient connect(TestingServer server) {
        return connect(server.getConnectString());
    }

    static SamsaZkClient connect(String connect) {
        return SamsaZkClient.connect(new ZkClientSettings(connect, SESSION_TIMEOUT_MS, SESSION_TIMEOUT_MS), Time.SYSTEM);
    }

}
