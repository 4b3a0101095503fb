package io.samsa.tools.cli;

import java.nio.file.Path;

/**
 * The options every cluster tool shares, as read by {@link CommonOptions}. Immutable.
 *
 * @param bootstrapServer the {@code --bootstrap-server} list, {@code host:port[,host:port...]}
 * @param commandConfig   the {@code --command-config} properties file, or null
 * @param timeoutMs       how long to wait for the cluster to answer, first contact and each call
 * @param verbose         whether failures print stack traces and the clients log more
 * @param output          how results are printed
 */
public record CommonSettings(String bootstrapServer, Path commandConfig, int timeoutMs, boolean verbose,
                             OutputFormat output) {
}
