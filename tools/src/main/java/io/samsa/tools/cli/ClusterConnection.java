package io.samsa.tools.cli;

import io.samsa.clients.admin.Admin;
import io.samsa.clients.admin.AdminClientConfig;
import io.samsa.clients.admin.DescribeClusterOptions;
import io.samsa.clients.admin.DescribeClusterResult;
import io.samsa.common.Node;
import io.samsa.common.config.ConfigDef;
import io.samsa.common.config.ConfigException;
import io.samsa.common.errors.TimeoutException;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A tool's admin client on a cluster that has answered. The client is configured from
 * {@code --command-config}, then {@code --bootstrap-server}, then {@code --timeout} as both
 * {@code default.api.timeout.ms} and {@code request.timeout.ms}, so that no call waits longer than
 * the user asked (Kafka's tools wait 60 s by default, silently). Opening it asks the cluster to
 * describe itself; when nothing answers within the timeout, it fails naming the addresses and what
 * is wrong with each ({@link BootstrapProbe}) instead of a bare timeout. Keys of the command config
 * the admin client does not know are reported as warnings with a "did you mean".
 *
 * <p>Thread-safe, as the {@link Admin} is; close it once.
 */
public final class ClusterConnection implements AutoCloseable {

    /** Beyond the timeout the client enforces itself, how long to wait for its futures before giving up on it. */
    private static final long GRACE_MS = 2_000;
    private static final int MAX_PROBE_CONNECT_MS = 2_000;

    private final Admin admin;
    private final ClusterInfo cluster;
    private final int timeoutMs;

    private ClusterConnection(Admin admin, ClusterInfo cluster, int timeoutMs) {
        this.admin = admin;
        this.cluster = cluster;
        this.timeoutMs = timeoutMs;
    }

    /**
     * Creates the admin client and waits for the cluster's description.
     *
     * @param warnings where warnings about the configuration go, one line each
     * @throws ToolFailure when the configuration is invalid or the cluster does not answer in time
     */
    public static ClusterConnection open(CommonSettings settings, Consumer<String> warnings) {
        return open(settings, adminProperties(settings, warnings));
    }

    /**
     * As {@link #open(CommonSettings, Consumer)}, for a tool whose client is a producer or a
     * consumer: the keys of {@code clientProperties} (its {@code --producer.config} or
     * {@code --consumer.config} and overrides) that an admin client also knows, such as the
     * security settings and {@code client.id}, configure the admin client too, so that it reaches
     * the cluster the way the tool's client will.
     */
    public static ClusterConnection open(CommonSettings settings, Properties clientProperties, Consumer<String> warnings) {
        Properties props = new Properties();
        List<String> known = AdminClientConfig.configDef().keys().stream().map(ConfigDef.Key::name).toList();
        for (String key : clientProperties.stringPropertyNames()) {
            if (known.contains(key)) {
                props.setProperty(key, clientProperties.getProperty(key));
            }
        }
        props.putAll(adminProperties(settings, warnings));
        return open(settings, props);
    }

    private static ClusterConnection open(CommonSettings settings, Properties props) {
        Admin admin;
        try {
            admin = Admin.create(props);
        } catch (ConfigException e) {
            throw new ToolFailure("invalid admin client configuration: " + e.getMessage(), e);
        }
        try {
            return new ClusterConnection(admin, describe(admin, settings), settings.timeoutMs());
        } catch (RuntimeException | Error e) {
            admin.close(Duration.ZERO);
            throw e;
        }
    }

    /** The admin client's properties: command config, then bootstrap servers, then the timeouts. */
    static Properties adminProperties(CommonSettings settings, Consumer<String> warnings) {
        Properties props = new Properties();
        if (settings.commandConfig() != null) {
            props.putAll(ClientProperties.load(settings.commandConfig(), "--command-config"));
            List<String> known = AdminClientConfig.configDef().keys().stream().map(ConfigDef.Key::name).toList();
            ClientProperties.unknownKeyWarnings(props, known, "admin client config in --command-config "
                    + settings.commandConfig()).forEach(warnings);
        }
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServer());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Integer.toString(settings.timeoutMs()));
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(settings.timeoutMs()));
        return props;
    }

    private static ClusterInfo describe(Admin admin, CommonSettings settings) {
        DescribeClusterResult result = admin.describeCluster(new DescribeClusterOptions().timeoutMs(settings.timeoutMs()));
        try {
            long waitMs = settings.timeoutMs() + GRACE_MS;
            Collection<Node> nodes = result.nodes().get(waitMs, TimeUnit.MILLISECONDS);
            Node controller = result.controller().get(waitMs, TimeUnit.MILLISECONDS);
            String clusterId = result.clusterId().get(waitMs, TimeUnit.MILLISECONDS);
            return new ClusterInfo(clusterId, controller, List.copyOf(nodes));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                throw unreachable(settings, e.getCause());
            }
            throw new ToolFailure("cannot describe the cluster at " + settings.bootstrapServer() + ": "
                    + FailureMessages.describe(e, settings.verbose()), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw unreachable(settings, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolFailure("interrupted while connecting to " + settings.bootstrapServer(), e);
        }
    }

    private static ToolFailure unreachable(CommonSettings settings, Throwable cause) {
        String why = BootstrapProbe.explain(settings.bootstrapServer(), Math.min(settings.timeoutMs(), MAX_PROBE_CONNECT_MS));
        return new ToolFailure("cannot reach the cluster at " + settings.bootstrapServer() + " within "
                + settings.timeoutMs() + " ms: " + why, cause);
    }

    public Admin admin() {
        return admin;
    }

    /** The cluster as it answered when the connection was opened. */
    public ClusterInfo cluster() {
        return cluster;
    }

    /**
     * The value of an admin call's future, waiting at most the client's own timeout and a little
     * more (the client fails its calls itself at the timeout; this only guards against a future
     * that never completes).
     *
     * @throws ExecutionException   the call's failure, which {@link FailureMessages} reports
     * @throws ToolFailure          when the future has not completed in time
     */
    public <T> T await(Future<T> future) throws ExecutionException, InterruptedException {
        try {
            return future.get(timeoutMs + GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ToolFailure("the cluster did not answer within " + timeoutMs + " ms (--timeout MS waits longer)", e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofMillis(timeoutMs));
    }
}
