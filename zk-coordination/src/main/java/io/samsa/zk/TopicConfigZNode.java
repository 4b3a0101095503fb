package io.samsa.zk;

/** {@code /config/topics/<topic>}: a topic's config overrides (see {@link ConfigEntityZNode}). Stateless. */
public final class TopicConfigZNode {

    public static final String PATH = ConfigEntityZNode.path(ConfigEntityZNode.TOPICS);

    private TopicConfigZNode() {
    }

    public static String path(String topic) {
        return ConfigEntityZNode.path(ConfigEntityZNode.TOPICS, topic);
    }
}
