package io.samsa.tools;

import io.samsa.tools.cli.ClusterConnection;
import io.samsa.tools.cli.CommonOptions;
import io.samsa.tools.cli.CommonSettings;
import io.samsa.tools.cli.OutputFormat;
import io.samsa.tools.cli.ToolFailure;

import java.io.PrintStream;
import java.util.Properties;

/**
 * The perf tools' check, before a run, that the cluster their client is configured for answers:
 * an admin client with the client's own settings (security, {@code client.id}) asks for the
 * cluster's description, waiting {@value CommonOptions#DEFAULT_TIMEOUT_MS} ms at most, as the
 * other tools do; a dead address is then a one-line failure naming it. It runs before the clock
 * of the run starts, so it changes no figure. Stateless.
 */
final class PerfCluster {

    private PerfCluster() {
    }

    /**
     * @param tool          the tool's name, for warnings
     * @param clientProps   the producer's or consumer's configuration
     * @param bootstrapKey  its bootstrap servers key
     * @throws ToolFailure when the cluster does not answer, or no bootstrap servers are configured
     */
    static void check(String tool, Properties clientProps, String bootstrapKey, PrintStream err) {
        String servers = clientProps.getProperty(bootstrapKey);
        if (servers == null || servers.isBlank()) {
            throw new ToolFailure("no " + bootstrapKey + " in the client's configuration");
        }
        CommonSettings settings = new CommonSettings(servers.trim(), null, CommonOptions.DEFAULT_TIMEOUT_MS, false,
                OutputFormat.TABLE);
        try (ClusterConnection connection = ClusterConnection.open(settings, clientProps,
                w -> err.println(tool + ": warning: " + w))) {
            connection.cluster();
        }
    }
}
