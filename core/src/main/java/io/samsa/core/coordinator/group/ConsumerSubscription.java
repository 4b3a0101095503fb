package io.samsa.core.coordinator.group;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the topic list out of a "consumer" protocol member's subscription metadata (Kafka's
 * ConsumerProtocolSubscription: an INT16 version, then an INT32-counted array of INT16-length
 * strings, then fields the broker ignores; no version is flexible). Used to tell which topics a
 * Stable group consumes, for offset expiry and OffsetDelete. Stateless.
 */
final class ConsumerSubscription {

    static final String PROTOCOL_TYPE = "consumer";

    private ConsumerSubscription() {
    }

    /** The subscribed topics, or null when the metadata cannot be read. */
    static Set<String> topics(byte[] metadata) {
        try {
            ByteBuffer buf = ByteBuffer.wrap(metadata);
            short version = buf.getShort();
            if (version < 0) {
                return null;
            }
            int count = buf.getInt();
            if (count < 0 || count > buf.remaining() / 2) {
                return null;
            }
            Set<String> topics = new HashSet<>(count * 2);
            for (int i = 0; i < count; i++) {
                int len = buf.getShort();
                if (len < 0 || len > buf.remaining()) {
                    return null;
                }
                byte[] name = new byte[len];
                buf.get(name);
                topics.add(new String(name, StandardCharsets.UTF_8));
            }
            return topics;
        } catch (BufferUnderflowException e) {
            return null;
        }
    }
}
