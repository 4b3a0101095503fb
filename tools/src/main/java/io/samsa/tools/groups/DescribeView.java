package io.samsa.tools.groups;

/**
 * What {@code --describe} shows of each group, as in Kafka's tool: the partitions with their
 * offsets and lag (the default, {@code --offsets}), the members ({@code --members}) or the group's
 * state ({@code --state}).
 */
enum DescribeView {
    OFFSETS, MEMBERS, STATE
}
