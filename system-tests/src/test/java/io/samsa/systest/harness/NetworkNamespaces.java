package io.samsa.systest.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small switched network made of Linux network namespaces, so that a test can cut links the way
 * a real network fails. ZooKeeper, each broker and the client programs each get a namespace of
 * their own ({@code sft-zk}, {@code sft-b<id>}, {@code sft-cli}) holding one end of a veth pair
 * with one address in {@value #SUBNET}0/24; the other ends are ports of a bridge in the namespace
 * {@code sft-hub}. This test JVM reaches them through one more veth pair, {@code sft-host}, whose
 * address {@value #SUBNET}1 is the only thing added to this machine's own namespace; every process
 * binds an address inside the namespace made for it. Processes are launched there with
 * {@code ip netns exec}, which execs the command, so their pid is the one signals go to.
 *
 * <p>Two faults: {@link #unplug} takes a broker's bridge port down (the cable pulled: nobody reaches
 * it, it reaches nobody) and {@link #partitionFromCluster} drops, inside the broker's namespace with
 * iptables, every packet to or from ZooKeeper and the other brokers while clients and this JVM still
 * reach it.
 *
 * <p>Needs root, iproute2 and iptables (CI installs them). The names are fixed, so runs on one machine
 * take turns through a file lock held as long as the network exists; whatever an aborted run left
 * behind (namespaces and links named {@code sft-*}) is removed before building and
 * again by {@link #close}, which a JVM shutdown hook also runs. Thread-safe.
 */
public final class NetworkNamespaces implements ClusterNetwork {

    private static final String PREFIX = "sft-";
    private static final String SUBNET = "10.231.0.";
    private static final String HUB = PREFIX + "hub";
    private static final String BRIDGE = "sftbr";
    private static final String HOST_LINK = PREFIX + "host";
    private static final String HOST_ADDRESS = SUBNET + "1";
    private static final Path LOCK = Path.of("/tmp/samsa-systest-netns.lock");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final FileChannel lockFile;
    private final FileLock lock;
    private final Node zooKeeper;
    private final Node clients;
    private final Map<Integer, Node> brokers = new TreeMap<>();
    private boolean closed;

    private NetworkNamespaces(FileChannel lockFile, FileLock lock, List<Integer> brokerIds) {
        this.lockFile = lockFile;
        this.lock = lock;
        this.zooKeeper = node("zk", 10);
        this.clients = node("cli", 20);
        for (int id : brokerIds) {
            brokers.put(id, node(brokerNamespaceSuffix(id), 11 + id));
        }
    }

    /** Builds the network for ZooKeeper, the clients and brokers {@code brokerIds} (at most 8). */
    public static NetworkNamespaces create(List<Integer> brokerIds) {
        if (brokerIds.stream().anyMatch(id -> id < 0 || id > 8)) {
            throw new IllegalArgumentException("broker ids 0 to 8 only: " + brokerIds);
        }
        FileChannel lockFile = null;
        try {
            lockFile = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            // Blocks while another run on this machine uses the network: the names are fixed.
            FileLock lock = lockFile.lock();
            NetworkNamespaces network = new NetworkNamespaces(lockFile, lock, brokerIds);
            Runtime.getRuntime().addShutdownHook(new Thread(network::close, "network-namespaces-cleanup"));
            try {
                removeLeftovers();
                network.build();
            } catch (RuntimeException | AssertionError e) {
                network.close();
                throw e;
            }
            return network;
        } catch (IOException e) {
            closeQuietly(lockFile);
            throw new UncheckedIOException("Cannot lock " + LOCK, e);
        }
    }

    private static String brokerNamespaceSuffix(int id) {
        return "b" + id;
    }

    private static Node node(String suffix, int hostNumber) {
        return new Node(SUBNET + hostNumber, List.of("ip", "netns", "exec", PREFIX + suffix));
    }

    private static String namespace(Node node) {
        return node.launcher().get(3);
    }

    private List<Node> nodes() {
        List<Node> all = new ArrayList<>(List.of(zooKeeper, clients));
        all.addAll(brokers.values());
        return all;
    }

    private void build() {
        ip("netns", "add", HUB);
        ip("-n", HUB, "link", "add", BRIDGE, "type", "bridge");
        ip("-n", HUB, "link", "set", BRIDGE, "up");
        // This JVM's own port on the bridge.
        plug(HOST_LINK, null, HOST_ADDRESS);
        for (Node n : nodes()) {
            String ns = namespace(n);
            ip("netns", "add", ns);
            ip("-n", ns, "link", "set", "lo", "up");
            plug(ns, ns, n.address());
        }
    }

    /**
     * A veth pair: {@code <name>} in namespace {@code ns} (this JVM's when null) with {@code address},
     * {@code <name>-br} a port of the bridge.
     */
    private static void plug(String name, String ns, String address) {
        String port = bridgePort(name);
        ip("link", "add", name, "type", "veth", "peer", "name", port);
        ip("link", "set", port, "netns", HUB);
        ip("-n", HUB, "link", "set", port, "master", BRIDGE, "up");
        List<String> inNs = ns == null ? List.of() : List.of("-n", ns);
        if (ns != null) {
            ip("link", "set", name, "netns", ns);
        }
        ip(concat(inNs, "addr", "add", address + "/24", "dev", name));
        ip(concat(inNs, "link", "set", name, "up"));
    }

    private static String bridgePort(String link) {
        return link + "-br";
    }

    @Override
    public Node zooKeeper() {
        return zooKeeper;
    }

    @Override
    public Node broker(int id) {
        Node n = brokers.get(id);
        if (n == null) {
            throw new IllegalArgumentException("no broker " + id + " in this network");
        }
        return n;
    }

    @Override
    public Node clients() {
        return clients;
    }

    /** Takes broker {@code id}'s bridge port down: it is cut off from everyone, this JVM included. */
    public void unplug(int id) {
        ip("-n", HUB, "link", "set", bridgePort(namespace(broker(id))), "down");
    }

    /** Undoes {@link #unplug}. */
    public void plugIn(int id) {
        ip("-n", HUB, "link", "set", bridgePort(namespace(broker(id))), "up");
    }

    /**
     * Drops every packet between broker {@code id} and ZooKeeper or another broker, silently (as a
     * failed switch or firewall would, so connections time out rather than being refused); the
     * clients and this JVM still reach it.
     */
    public void partitionFromCluster(int id) {
        List<String> cutOff = new ArrayList<>(List.of(zooKeeper.address()));
        brokers.forEach((other, n) -> {
            if (other != id) {
                cutOff.add(n.address());
            }
        });
        String ns = namespace(broker(id));
        for (String address : cutOff) {
            iptables(ns, "-A", "INPUT", "-s", address, "-j", "DROP");
            iptables(ns, "-A", "OUTPUT", "-d", address, "-j", "DROP");
        }
    }

    /** Undoes {@link #partitionFromCluster}. */
    public void heal(int id) {
        String ns = namespace(broker(id));
        iptables(ns, "-F", "INPUT");
        iptables(ns, "-F", "OUTPUT");
    }

    private static void iptables(String ns, String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns, "iptables", "-w"));
        command.addAll(List.of(args));
        ExternalCommand.run(command, null, COMMAND_TIMEOUT).assertSuccess();
    }

    private static void ip(String... args) {
        ip(List.of(args));
    }

    private static void ip(List<String> args) {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(args);
        ExternalCommand.run(command, null, COMMAND_TIMEOUT).assertSuccess();
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    /**
     * Deletes every namespace named {@code sft-*} and every link so named in this JVM's namespace. Deleting a namespace
     * deletes its ends of the veth pairs, and with them their peers; a process still inside keeps
     * only its now unreachable namespace alive until it ends.
     */
    private static void removeLeftovers() {
        for (String line : ExternalCommand.run(List.of("ip", "netns", "list"), null, COMMAND_TIMEOUT).assertSuccess().stdoutLines()) {
            String name = line.split("\\s+")[0];
            if (name.startsWith(PREFIX)) {
                ExternalCommand.run(List.of("ip", "netns", "del", name), null, COMMAND_TIMEOUT);
            }
        }
        // sft-host, and any pair a run died building before moving it: absent otherwise.
        for (String line : ExternalCommand.run(List.of("ip", "-o", "link", "show"), null, COMMAND_TIMEOUT).assertSuccess()
                .stdoutLines()) {
            String[] fields = line.split(":\\s+", 3);
            String name = fields.length < 2 ? "" : fields[1].split("@")[0];
            if (name.startsWith(PREFIX)) {
                ExternalCommand.run(List.of("ip", "link", "del", name), null, COMMAND_TIMEOUT);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            removeLeftovers();
        } finally {
            try {
                lock.release();
            } catch (IOException | RuntimeException e) {
                // The lock goes with the file below, or with this JVM.
            }
            closeQuietly(lockFile);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing to do: the lock ends with this JVM at the latest.
            }
        }
    }
}
