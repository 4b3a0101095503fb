package io.samsa.clients.admin;

/** Options of {@link Admin#describeTopics(java.util.Collection, DescribeTopicsOptions)}. Not thread-safe. */
public class DescribeTopicsOptions extends AbstractOptions<DescribeTopicsOptions> {
}
