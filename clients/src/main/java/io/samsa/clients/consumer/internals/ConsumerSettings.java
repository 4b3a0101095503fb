package io.samsa.clients.consumer.internals;

import io.samsa.clients.consumer.OffsetResetStrategy;
import io.samsa.common.config.ConfigException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The consumer's configuration, resolved once with Kafka 3.9's keys and defaults. Immutable.
 *
 * <p>Reads the raw map itself because {@code ConsumerConfig} (branch client-api) was not there
 * when the consumer was written; once it is, build this record from it instead.
 */
public record ConsumerSettings(List<String> bootstrapServers, String clientId, Optional<String> groupId,
                               Optional<String> groupInstanceId, boolean autoCommit, long autoCommitIntervalMs,
                               OffsetResetStrategy resetStrategy, int sessionTimeoutMs, int heartbeatIntervalMs,
                               int maxPollIntervalMs, int maxPollRecords, int fetchMinBytes, int fetchMaxBytes,
                               int fetchMaxWaitMs, int maxPartitionFetchBytes, boolean readCommitted,
                               boolean checkCrcs, List<Object> assignmentStrategies, int requestTimeoutMs,
                               int defaultApiTimeoutMs, long retryBackoffMs, long retryBackoffMaxMs,
                               long reconnectBackoffMs, long reconnectBackoffMaxMs, long metadataMaxAgeMs,
                               boolean allowAutoCreateTopics, String clientRack, boolean excludeInternalTopics,
                               long socketConnectionSetupTimeoutMs, int sendBufferBytes, int receiveBufferBytes) {

    /** Kafka 3.9's default {@code partition.assignment.strategy}. */
    public static final List<Object> DEFAULT_ASSIGNORS = List.of("org.apache.kafka.clients.consumer.RangeAssignor",
            "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");

    /** Parses {@code props} (values as strings or typed); unknown keys are ignored, as in Kafka. */
    public static ConsumerSettings parse(Map<String, ?> props) {
        Reader r = new Reader(props);
        Optional<String> groupId = Optional.ofNullable(r.string("group.id", null)).filter(s -> !s.isEmpty());
        Optional<String> instanceId = Optional.ofNullable(r.string("group.instance.id", null)).filter(s -> !s.isEmpty());
        boolean autoCommitSet = props.containsKey("enable.auto.commit");
        boolean autoCommit = r.bool("enable.auto.commit", groupId.isPresent());
        if (groupId.isEmpty() && autoCommitSet && autoCommit) {
            throw new ConfigException("enable.auto.commit", true, "requires a group.id");
        }
        if (groupId.isEmpty() && instanceId.isPresent()) {
            throw new ConfigException("group.instance.id", instanceId.get(), "requires a group.id");
        }
        String reset = r.string("auto.offset.reset", "latest").toLowerCase(Locale.ROOT);
        OffsetResetStrategy strategy = switch (reset) {
            case "latest" -> OffsetResetStrategy.LATEST;
            case "earliest" -> OffsetResetStrategy.EARLIEST;
            case "none" -> OffsetResetStrategy.NONE;
            default -> throw new ConfigException("auto.offset.reset", reset, "must be latest, earliest or none");
        };
        String isolation = r.string("isolation.level", "read_uncommitted").toLowerCase(Locale.ROOT);
        if (!isolation.equals("read_uncommitted") && !isolation.equals("read_committed")) {
            throw new ConfigException("isolation.level", isolation, "must be read_uncommitted or read_committed");
        }
        int session = r.integer("session.timeout.ms", 45_000);
        int heartbeat = r.integer("heartbeat.interval.ms", 3_000);
        if (heartbeat >= session) {
            throw new ConfigException("heartbeat.interval.ms", heartbeat, "must be lower than session.timeout.ms");
        }
        int maxPollRecords = r.integer("max.poll.records", 500);
        if (maxPollRecords < 1) {
            throw new ConfigException("max.poll.records", maxPollRecords, "must be at least 1");
        }
        return new ConsumerSettings(r.list("bootstrap.servers", List.of()), r.string("client.id", ""), groupId, instanceId,
                autoCommit, r.longValue("auto.commit.interval.ms", 5_000), strategy, session, heartbeat,
                r.integer("max.poll.interval.ms", 300_000), maxPollRecords, r.integer("fetch.min.bytes", 1),
                r.integer("fetch.max.bytes", 52_428_800), r.integer("fetch.max.wait.ms", 500),
                r.integer("max.partition.fetch.bytes", 1_048_576), isolation.equals("read_committed"),
                r.bool("check.crcs", true), r.objects("partition.assignment.strategy", DEFAULT_ASSIGNORS),
                r.integer("request.timeout.ms", 30_000), r.integer("default.api.timeout.ms", 60_000),
                r.longValue("retry.backoff.ms", 100), r.longValue("retry.backoff.max.ms", 1_000),
                r.longValue("reconnect.backoff.ms", 50), r.longValue("reconnect.backoff.max.ms", 1_000),
                r.longValue("metadata.max.age.ms", 300_000), r.bool("allow.auto.create.topics", true),
                r.string("client.rack", ""), r.bool("exclude.internal.topics", true),
                r.longValue("socket.connection.setup.timeout.ms", 10_000), r.integer("send.buffer.bytes", 131_072),
                r.integer("receive.buffer.bytes", 65_536));
    }

    /** Typed reads of a raw property map. */
    private record Reader(Map<String, ?> props) {

        String string(String key, String dflt) {
            Object v = props.get(key);
            return v == null ? dflt : v.toString().trim();
        }

        int integer(String key, int dflt) {
            long v = longValue(key, dflt);
            if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
                throw new ConfigException(key, v, "out of range for an int");
            }
            return (int) v;
        }

        long longValue(String key, long dflt) {
            Object v = props.get(key);
            if (v == null) {
                return dflt;
            }
            if (v instanceof Number n) {
                return n.longValue();
            }
            try {
                return Long.parseLong(v.toString().trim());
            } catch (NumberFormatException e) {
                throw new ConfigException(key, v, "expected a number");
            }
        }

        boolean bool(String key, boolean dflt) {
            Object v = props.get(key);
            if (v == null) {
                return dflt;
            }
            if (v instanceof Boolean b) {
                return b;
            }
            String s = v.toString().trim().toLowerCase(Locale.ROOT);
            if (!s.equals("true") && !s.equals("false")) {
                throw new ConfigException(key, v, "expected true or false");
            }
            return Boolean.parseBoolean(s);
        }

        List<String> list(String key, List<String> dflt) {
            List<String> out = new ArrayList<>();
            for (Object o : objects(key, List.copyOf(dflt))) {
                out.add(o.toString().trim());
            }
            return out;
        }

        List<Object> objects(String key, List<Object> dflt) {
            Object v = props.get(key);
            if (v == null) {
                return dflt;
            }
            if (v instanceof List<?> l) {
                return new ArrayList<>(l);
            }
            if (v instanceof String s) {
                List<Object> out = new ArrayList<>();
                Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).forEach(out::add);
                return out;
            }
            return List.of(v);
        }
    }
}
