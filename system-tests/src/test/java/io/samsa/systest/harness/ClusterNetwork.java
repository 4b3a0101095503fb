package io.samsa.systest.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a {@link ProcessCluster}'s processes live on the network: the address ZooKeeper and each
 * broker bind and advertise, and how a process is launched there. {@link #LOOPBACK} runs everything
 * in this machine's own network on 127.0.0.1; {@link NetworkNamespaces} gives every process its own
 * namespace and address, so that links between them can be cut. The clients (the verifiable
 * producer and consumer) are launched through {@link #clients()}; this test JVM reaches every
 * address from where it runs. Implementations are thread-safe.
 */
public interface ClusterNetwork extends AutoCloseable {

    /** One place on the network: the address a process there binds, and the launcher that starts it there. */
    record Node(String address, List<String> launcher) {

        public Node {
            launcher = List.copyOf(launcher);
        }

        /** {@code command} prefixed with the launcher (nothing on loopback, {@code ip netns exec <ns>} in a namespace). */
        public List<String> command(List<String> command) {
            List<String> full = new ArrayList<>(launcher);
            full.addAll(command);
            return full;
        }
    }

    /** Everything on 127.0.0.1, launched directly. */
    ClusterNetwork LOOPBACK = new ClusterNetwork() {
        private final Node node = new Node("127.0.0.1", List.of());

        @Override
        public Node zooKeeper() {
            return node;
        }

        @Override
        public Node broker(int id) {
            return node;
        }

        @Override
        public Node clients() {
            return node;
        }

        @Override
        public void close() {
            // Nothing was created.
        }
    };

    Node zooKeeper();

    Node broker(int id);

    /** Where client programs run. */
    Node clients();

    /** Removes whatever the network consists of; the processes in it must be gone or about to be. */
    @Override
    void close();
}
