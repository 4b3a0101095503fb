package io.samsa.core.server;

import io.samsa.zk.EmbeddedZooKeeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code bin/samsa-quickstart.sh}: an embedded ZooKeeper on localhost:2181 and one broker on
 * localhost:9092, in the foreground, with data under {@code $SAMSA_DATA_DIR} (default
 * {@code /tmp/samsa-quickstart}) so that a restart keeps the topics, and Prometheus metrics at
 * {@code http://localhost:9404/metrics}. Ctrl-C stops both cleanly.
 * Settings can be changed with {@code --override key=value}.
 */
public final class Quickstart {

    private static final Logger log = LoggerFactory.getLogger(Quickstart.class);

    private Quickstart() {
    }

    public static void main(String[] args) throws Exception {
        File data = new File(System.getenv().getOrDefault("SAMSA_DATA_DIR", "/tmp/samsa-quickstart"));
        Map<String, String> props = new LinkedHashMap<>();
        props.put("broker.id", "0");
        props.put("listeners", "PLAINTEXT://localhost:9092");
        props.put("log.dirs", new File(data, "logs").getAbsolutePath());
        props.put("zookeeper.connect", "localhost:2181");
        props.put("num.partitions", "1");
        // One broker holds one replica: the internal topics must not ask for more.
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // Prometheus metrics at http://localhost:9404/metrics, health at /health/live and /health/ready.
        props.put("metrics.http.listener", "http://localhost:9404");
        try {
            for (int i = 0; i < args.length; i++) {
                if (!args[i].equals("--override") || i + 1 >= args.length || args[i + 1].indexOf('=') <= 0) {
                    throw new IllegalArgumentException("Unexpected argument " + args[i]);
                }
                String kv = args[++i];
                props.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("USAGE: samsa-quickstart.sh [--override property=value]*");
            System.exit(2);
        }
        String zkConnect = props.get("zookeeper.connect");
        int zkPort = Integer.parseInt(zkConnect.substring(zkConnect.lastIndexOf(':') + 1).replaceAll("/.*", ""));
        EmbeddedZooKeeper zk;
        try {
            zk = new EmbeddedZooKeeper(new File(data, "zookeeper"), "localhost", zkPort);
        } catch (Exception e) {
            System.err.println("Cannot start ZooKeeper on localhost:" + zkPort + " (" + e.getMessage()
                    + "). Is another ZooKeeper or Samsa already running?");
            System.exit(1);
            return;
        }
        log.info("Embedded ZooKeeper listening on {}, data in {}", zk.connectString(), data);
        SamsaServer server = new SamsaServer(new BrokerConfig(props));
        SamsaServerMain.runUntilSignalled(server::startup, () -> {
            server.shutdown();
            zk.close();
        }, "quickstart broker");
    }
}
