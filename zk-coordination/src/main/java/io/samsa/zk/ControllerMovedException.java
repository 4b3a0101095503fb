package io.samsa.zk;

/**
 * A fenced write was rejected because {@code /controller_epoch} no longer has the version the
 * writer was elected with: another broker became controller since. The writer must resign.
 */
public class ControllerMovedException extends ZkException {

    private static final long serialVersionUID = 1L;

    public ControllerMovedException(String message) {
        super(message);
    }
}
