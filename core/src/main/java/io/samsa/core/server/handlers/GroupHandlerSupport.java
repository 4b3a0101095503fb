package io.samsa.core.server.handlers;

import io.samsa.core.network.Request;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** Small conversions the group handlers share. Stateless. */
final class GroupHandlerSupport {

    private GroupHandlerSupport() {
    }

    /**
     * Copies bytes out of the request frame: the frame is released once the request completes,
     * and group state outlives it.
     */
    static byte[] copy(ByteBuffer buf) {
        if (buf == null) {
            return new byte[0];
        }
        byte[] out = new byte[buf.remaining()];
        buf.duplicate().get(out);
        return out;
    }

    /** The member's host as Kafka reports it ("/" + address). */
    static String clientHost(Request request) {
        InetSocketAddress a = request.remoteAddress();
        if (a == null) {
            return "";
        }
        return a.getAddress() == null ? "/" + a.getHostString() : "/" + a.getAddress().getHostAddress();
    }

    /** The client id from the request header ("" when absent). */
    static String clientId(Request request) {
        String id = request.header().clientId();
        return id == null ? "" : id;
    }
}
