package io.samsa.clients.admin;

/** Options of {@link Admin#describeCluster(DescribeClusterOptions)}. Not thread-safe. */
public class DescribeClusterOptions extends AbstractOptions<DescribeClusterOptions> {
}
