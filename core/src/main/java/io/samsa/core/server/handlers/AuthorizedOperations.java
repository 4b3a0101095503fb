package io.samsa.core.server.handlers;

/**
 * The authorized-operations bitfields of Metadata, DescribeCluster and DescribeGroups. Samsa has no
 * authorizer, so, like a Kafka broker without one, it grants every operation a resource type
 * supports; a client that did not ask gets Kafka's "omitted" marker. Bits are Kafka's ACL operation
 * codes. Stateless.
 */
final class AuthorizedOperations {

    /** What a client that did not ask for operations receives. */
    static final int OMITTED = Integer.MIN_VALUE;

    private static final int READ = 3;
    private static final int WRITE = 4;
    private static final int CREATE = 5;
    private static final int DELETE = 6;
    private static final int ALTER = 7;
    private static final int DESCRIBE = 8;
    private static final int CLUSTER_ACTION = 9;
    private static final int DESCRIBE_CONFIGS = 10;
    private static final int ALTER_CONFIGS = 11;
    private static final int IDEMPOTENT_WRITE = 12;

    static final int TOPIC = bits(READ, WRITE, CREATE, DELETE, ALTER, DESCRIBE, DESCRIBE_CONFIGS, ALTER_CONFIGS);
    static final int CLUSTER = bits(CREATE, ALTER, DESCRIBE, CLUSTER_ACTION, DESCRIBE_CONFIGS, ALTER_CONFIGS, IDEMPOTENT_WRITE);
    static final int GROUP = bits(READ, DELETE, DESCRIBE);

    private AuthorizedOperations() {
    }

    /** {@code granted} when the client asked, else {@link #OMITTED}. */
    static int answer(boolean asked, int granted) {
        return asked ? granted : OMITTED;
    }

    private static int bits(int... operations) {
        int b = 0;
        for (int op : operations) {
            b |= 1 << op;
        }
        return b;
    }
}
