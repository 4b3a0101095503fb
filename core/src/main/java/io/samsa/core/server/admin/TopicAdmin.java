package io.samsa.core.server.admin;

import java.util.Collection;

/**
 * Topic lifecycle operations that requests trigger and the controller carries out: a broker
 * writes the intent to ZooKeeper and the controller, watching, does the rest.
 */
public interface TopicAdmin {

    /** Creates missing topics with the broker defaults (auto.create.topics.enable); failures are logged. */
    void autoCreate(Collection<String> topics);
}
