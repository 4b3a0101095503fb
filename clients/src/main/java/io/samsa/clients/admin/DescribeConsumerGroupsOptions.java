package io.samsa.clients.admin;

/** Options of {@link Admin#describeConsumerGroups(java.util.Collection, DescribeConsumerGroupsOptions)}. Not thread-safe. */
public class DescribeConsumerGroupsOptions extends AbstractOptions<DescribeConsumerGroupsOptions> {
}
