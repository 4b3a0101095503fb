package io.samsa.zk;

/**
 * A ZooKeeper operation failed: the ensemble was unreachable past the retry budget, the thread was
 * interrupted, or the data was not what Samsa expected. Carries the ZooKeeper error code name when
 * one applies.
 */
public class ZkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ZkException(String message) {
        super(message);
    }

    public ZkException(String message, Throwable cause) {
        super(message, cause);
    }
}
