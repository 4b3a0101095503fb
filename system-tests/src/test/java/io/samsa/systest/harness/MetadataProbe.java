package io.samsa.systest.harness;

import io.samsa.testkit.Wait;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;

/**
 * Decides when a freshly started deployment is ready for client tests: metadata (kafka-clients'
 * describeCluster) must list every broker at its port and name one of them as the controller. Open
 * ports alone are not enough, and a deployment that never gets there should fail the test class at
 * once rather than every test after its own timeout. Stateless.
 */
final class MetadataProbe {

    private MetadataProbe() {
    }

    static void awaitReady(BrokerUnderTest deployment, Duration timeout) {
        Map<Integer, Integer> expected = new TreeMap<>();
        deployment.brokerIds().forEach(id -> expected.put(id, deployment.port(id)));
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, deployment.bootstrapServers());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(p)) {
            Wait.until(deployment.kind() + " brokers " + expected + " (id=port) listed in metadata with a controller (logs: "
                    + deployment.brokerLogFile(0).getParent() + ")", timeout, () -> {
                        DescribeClusterResult cluster = admin.describeCluster();
                        try {
                            Node controller = cluster.controller().get(5, TimeUnit.SECONDS);
                            Map<Integer, Integer> listed = cluster.nodes().get(5, TimeUnit.SECONDS).stream()
                                    .collect(Collectors.toMap(Node::id, Node::port, (a, b) -> a, TreeMap::new));
                            return listed.equals(expected) && controller != null && expected.containsKey(controller.id());
                        } catch (Exception e) {
                            return false;
                        }
                    });
        }
    }
}
