package io.samsa.zk;

/** {@code /brokers/topics/<topic>} already exists (or the topic is still being deleted). */
public class TopicExistsException extends ZkException {

    private static final long serialVersionUID = 1L;

    public TopicExistsException(String message) {
        super(message);
    }
}
