package io.samsa.systest.harness;

import io.samsa.testkit.Wait;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;

/**
 * Decides when a freshly started broker is ready for client tests: it must answer a metadata request
 * (kafka-clients' describeCluster) naming itself as a live broker and as the controller. An open
 * port alone is not enough, and a broker that never answers should fail the test class at once
 * rather than every test after its own timeout. Stateless.
 */
final class MetadataProbe {

    private MetadataProbe() {
    }

    static void awaitReady(BrokerUnderTest broker, Duration timeout) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(p)) {
            Wait.until(broker.kind() + " broker " + broker.brokerId() + " at " + broker.bootstrapServers()
                    + " answering metadata as live broker and controller (log: " + broker.brokerLogFile() + ")",
                    timeout, () -> {
                        DescribeClusterResult cluster = admin.describeCluster();
                        try {
                            Node controller = cluster.controller().get(5, TimeUnit.SECONDS);
                            boolean listed = cluster.nodes().get(5, TimeUnit.SECONDS).stream()
                                    .anyMatch(n -> n.id() == broker.brokerId() && n.port() == broker.port());
                            return listed && controller != null && controller.id() == broker.brokerId();
                        } catch (Exception e) {
                            return false;
                        }
                    });
        }
    }
}
