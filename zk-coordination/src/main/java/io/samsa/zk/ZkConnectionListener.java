package io.samsa.zk;

/**
 * Told about the ZooKeeper connection, on Curator's connection-state thread: implementations must
 * hand the work to their own thread and return quickly.
 */
@FunctionalInterface
public interface ZkConnectionListener {

    /** The connection's states, as Curator reports them. */
    enum State {
        /** First connection of this client. */
        CONNECTED,
        /** Connection lost; the session may still be alive (its ephemeral znodes too). */
        SUSPENDED,
        /** Connected again, to the same session or, after {@link #LOST}, to a new one. */
        RECONNECTED,
        /** The session expired: its ephemeral znodes and watches are gone. */
        LOST,
        /** Connected to a read-only server. */
        READ_ONLY
    }

    void stateChanged(State state);
}
