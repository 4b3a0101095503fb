package io.samsa.clients.admin;

/** Options of {@link Admin#describeLogDirs(java.util.Collection, DescribeLogDirsOptions)}. Not thread-safe. */
public class DescribeLogDirsOptions extends AbstractOptions<DescribeLogDirsOptions> {
}
