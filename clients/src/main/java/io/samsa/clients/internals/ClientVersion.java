package io.samsa.clients.internals;

/**
 * The client library's version, as the clients tell brokers (ApiVersions) and JMX ({@code app-info}).
 * The commit is not recorded in the build, so it reads {@code unknown}, Kafka's value when its
 * version file is missing. Constants only.
 */
public final class ClientVersion {

    public static final String VERSION = "0.1.0";
    public static final String COMMIT_ID = "unknown";

    private ClientVersion() {
    }
}
