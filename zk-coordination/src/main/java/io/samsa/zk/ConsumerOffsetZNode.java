package io.samsa.zk;

import io.samsa.common.TopicPartition;

import java.nio.charset.StandardCharsets;

/**
 * {@code /consumers/<group>/offsets/<topic>/<partition>}: an offset committed with OffsetCommit v0,
 * stored as its decimal text. Kafka in ZooKeeper mode keeps version 0 commits (and answers
 * OffsetFetch v0) there, apart from the offsets topic, as the pre-0.9 consumers expect. Stateless.
 */
public final class ConsumerOffsetZNode {

    private ConsumerOffsetZNode() {
    }

    public static String path(String group, TopicPartition tp) {
        return "/consumers/" + group + "/offsets/" + tp.topic() + "/" + tp.partition();
    }

    public static byte[] encode(long offset) {
        return Long.toString(offset).getBytes(StandardCharsets.UTF_8);
    }

    public static long decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8).trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ZkException("Not an offset: '" + text + "'", e);
        }
    }
}
