package io.samsa.zk;

import java.nio.charset.StandardCharsets;

/**
 * {@code /controller_epoch}: the number of controller elections so far, as plain decimal text
 * (not JSON). Every new controller increments it with a version-checked write, and every
 * controller write checks its version: that version is the fencing token. Stateless.
 */
public final class ControllerEpochZNode {

    public static final String PATH = "/controller_epoch";
    /** What the znode holds before the first election (Kafka's initial epoch). */
    public static final int INITIAL_EPOCH = 0;

    private ControllerEpochZNode() {
    }

    public static byte[] encode(int epoch) {
        return Integer.toString(epoch).getBytes(StandardCharsets.UTF_8);
    }

    public static int decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8).trim();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ZkException("Invalid controller epoch '" + text + "'", e);
        }
    }
}
