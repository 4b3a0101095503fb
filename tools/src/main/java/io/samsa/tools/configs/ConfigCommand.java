package io.samsa.tools.configs;

import io.samsa.clients.admin.AlterConfigOp;
import io.samsa.clients.admin.Config;
import io.samsa.clients.admin.ConfigEntry;
import io.samsa.clients.admin.DescribeConfigsOptions;
import io.samsa.clients.admin.ListTopicsOptions;
import io.samsa.common.Node;
import io.samsa.common.config.ConfigResource;
import io.samsa.common.errors.InvalidRequestException;
import io.samsa.tools.cli.ClientProperties;
import io.samsa.tools.cli.ClusterConnection;
import io.samsa.tools.cli.DidYouMean;
import io.samsa.tools.cli.KnownTopics;
import io.samsa.tools.cli.OutputFormat;
import io.samsa.tools.cli.Tool;
import io.samsa.tools.cli.ToolFailure;
import io.samsa.tools.cli.ToolRunner;
import io.samsa.tools.cli.UsageException;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * {@code bin/samsa-configs.sh}: Kafka's {@code kafka-configs} for topics, brokers and broker loggers
 * (log levels, which Kafka's brokers serve and Samsa's do not) over Samsa's
 * {@code Admin}, with its flags ({@link ConfigCommandOptions}) and its output
 * ({@link ConfigPrinter}). {@code --alter} changes only what it names (incremental alter, for
 * brokers too, where Kafka's tool rewrites the broker's whole dynamic config) and prints Kafka's
 * {@code Completed updating config for topic t.}. Checked before anything changes: the topic or
 * broker exists; every key is one the entity has (topic keys offline, as a usage error with a
 * "did you mean"; a broker's against what it describes, likewise); a key to delete is set on the
 * entity, as Kafka's tool requires. Samsa's brokers have no dynamic configs: altering one fails
 * with the broker's answer. Users, clients, ips and client-metrics fail at once, saying why
 * ({@link EntityType#unsupported()}). Exit status: see {@link ToolRunner}.
 *
 * <p>Stateless: each run opens its own connection.
 */
public final class ConfigCommand implements Tool<ConfigCommandOptions> {

    static final String NAME = "samsa-configs";

    public static void main(String[] args) {
        ToolRunner.main(new ConfigCommand(), args);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConfigCommandOptions parse(String[] args) throws UsageException {
        return ConfigCommandOptions.parse(args);
    }

    @Override
    public void printUsage(PrintStream out) {
        ConfigCommandOptions.printUsage(out);
    }

    @Override
    public boolean verbose(ConfigCommandOptions options) {
        return options.common().verbose();
    }

    @Override
    public void run(ConfigCommandOptions options, PrintStream out, PrintStream err) throws Exception {
        if (options.entityType().unsupported() != null) {
            throw new ToolFailure("--entity-type " + options.entityType().label() + " is not supported: "
                    + options.entityType().unsupported());
        }
        try (ClusterConnection connection = ClusterConnection.open(options.common(), w -> err.println(NAME + ": warning: " + w))) {
            if (options.alter()) {
                alter(connection, options, out);
            } else {
                describe(connection, options, out);
            }
        }
    }

    private static void describe(ClusterConnection connection, ConfigCommandOptions options, PrintStream out)
            throws ExecutionException, InterruptedException {
        EntityType type = options.entityType();
        List<String> names = options.entityName() != null ? List.of(options.entityName()) : every(connection, type);
        if (options.entityName() != null) {
            requireEntity(connection, type, options.entityName());
        }
        List<ConfigResource> resources = names.stream().map(type::resource).toList();
        Map<ConfigResource, CompletableFuture<Config>> configs = connection.admin()
                .describeConfigs(resources, new DescribeConfigsOptions().includeSynonyms(true)).values();
        List<EntityConfig> entities = new ArrayList<>();
        for (String name : names) {
            Config config = configsOf(connection, configs.get(type.resource(name)), type, name);
            ConfigEntry.ConfigSource dynamic = type.dynamicSource(name);
            entities.add(new EntityConfig(type, name, config.entries().stream()
                    .filter(e -> options.all() || dynamic == null || e.source() == dynamic)
                    .sorted(Comparator.comparing(ConfigEntry::name)).toList()));
        }
        if (options.common().output() == OutputFormat.JSON) {
            ConfigPrinter.printJson(entities, out);
        } else {
            ConfigPrinter.printText(entities, options.all(), out);
        }
    }

    /** Every topic, sorted, or every live broker and then the brokers' default, as Kafka's tool describes them. */
    private static List<String> every(ClusterConnection connection, EntityType type)
            throws ExecutionException, InterruptedException {
        if (type == EntityType.TOPICS) {
            return new ArrayList<>(new TreeSet<>(connection.await(connection.admin()
                    .listTopics(new ListTopicsOptions().listInternal(true)).names())));
        }
        List<String> names = connection.cluster().brokers().stream().map(b -> Integer.toString(b.id()))
                .collect(Collectors.toCollection(ArrayList::new));
        names.add("");
        return names;
    }

    /** Fails unless the topic exists, or the broker is live (the brokers' default always exists). */
    private static void requireEntity(ClusterConnection connection, EntityType type, String name)
            throws ExecutionException, InterruptedException {
        if (type == EntityType.TOPICS) {
            Set<String> topics = connection.await(connection.admin().listTopics(new ListTopicsOptions().listInternal(true)).names());
            if (!topics.contains(name)) {
                throw new ToolFailure(KnownTopics.doesNotExist(name, topics));
            }
        } else if (!name.isEmpty() && !connection.cluster().isLive(Integer.parseInt(name))) {
            throw new ToolFailure("Broker " + name + " is not a live broker (the live brokers are "
                    + connection.cluster().brokers().stream().map(Node::idString).collect(Collectors.joining(", ")) + ")");
        }
    }

    private static void alter(ClusterConnection connection, ConfigCommandOptions options, PrintStream out)
            throws ExecutionException, InterruptedException, UsageException {
        EntityType type = options.entityType();
        String name = options.entityName();
        requireEntity(connection, type, name);
        Map<String, String> added = new LinkedHashMap<>(options.addConfigs());
        if (options.addConfigFile() != null) {
            added.putAll(AddConfigs.fromFile(ClientProperties.load(options.addConfigFile(), "--add-config-file")));
            if (type == EntityType.TOPICS) {
                ConfigCommandOptions.checkTopicKeys(added.keySet());
            }
        }
        Config current = configsOf(connection, connection.admin().describeConfigs(List.of(type.resource(name))).values()
                .get(type.resource(name)), type, name);
        if (type == EntityType.BROKERS) {
            checkBrokerKeys(connection, name, current, added.keySet(), options.deleteConfigs());
        } else if (type == EntityType.BROKER_LOGGERS) {
            checkLoggers(name, current, added.keySet(), options.deleteConfigs());
        }
        ConfigEntry.ConfigSource dynamic = type.dynamicSource(name);
        List<String> notSet = dynamic == null ? List.of() : options.deleteConfigs().stream()
                .filter(k -> current.get(k) == null || current.get(k).source() != dynamic).toList();
        if (!notSet.isEmpty()) {
            throw new ToolFailure(entity(type, name) + " has no dynamic value of " + notSet.stream().map(k -> "'" + k + "'")
                    .collect(Collectors.joining(", ")) + " to delete");
        }
        List<AlterConfigOp> ops = new ArrayList<>();
        added.forEach((k, v) -> ops.add(new AlterConfigOp(new ConfigEntry(k, v), AlterConfigOp.OpType.SET)));
        options.deleteConfigs().forEach(k -> ops.add(new AlterConfigOp(new ConfigEntry(k, ""), AlterConfigOp.OpType.DELETE)));
        connection.await(connection.admin().incrementalAlterConfigs(Map.of(type.resource(name), ops)).all());
        out.println(name.isEmpty() ? "Completed updating default config for " + type.label() + " in the cluster."
                : "Completed updating config for " + type.singular() + " " + name + ".");
    }

    /**
     * The entity's configs; a broker that does not serve broker-logger configs (as Samsa's do not)
     * is said so in one line.
     */
    private static Config configsOf(ClusterConnection connection, CompletableFuture<Config> future, EntityType type,
                                    String name) throws ExecutionException, InterruptedException {
        try {
            return connection.await(future);
        } catch (ExecutionException e) {
            if (type == EntityType.BROKER_LOGGERS && e.getCause() instanceof InvalidRequestException) {
                throw new ToolFailure("Broker " + name + " does not serve broker-logger configs (it answered: "
                        + e.getCause().getMessage() + ")");
            }
            throw e;
        }
    }

    /** Fails on the first logger the broker does not have, as a usage error with the nearest names. */
    private static void checkLoggers(String name, Config current, Collection<String> added, Collection<String> deleted)
            throws UsageException {
        Set<String> known = current.entries().stream().map(ConfigEntry::name).collect(Collectors.toCollection(TreeSet::new));
        List<String> asked = new ArrayList<>(added);
        asked.addAll(deleted);
        for (String logger : asked) {
            if (!known.contains(logger)) {
                throw new UsageException("broker " + name + " has no logger '" + logger + "'" + DidYouMean.hint(logger, known));
            }
        }
    }

    /**
     * Fails on the first key the broker does not have. The brokers' default is checked against a
     * live broker's keys, since describing the default shows only what is set there.
     */
    private static void checkBrokerKeys(ClusterConnection connection, String name, Config current, Collection<String> added,
                                        Collection<String> deleted) throws ExecutionException, InterruptedException, UsageException {
        Config keys = current;
        if (name.isEmpty()) {
            ConfigResource any = EntityType.BROKERS.resource(connection.cluster().brokers().get(0).idString());
            keys = connection.await(connection.admin().describeConfigs(List.of(any)).values().get(any));
        }
        Set<String> known = keys.entries().stream().map(ConfigEntry::name).collect(Collectors.toCollection(TreeSet::new));
        List<String> asked = new ArrayList<>(added);
        asked.addAll(deleted);
        for (String key : asked) {
            if (!known.contains(key)) {
                throw new UsageException("unknown broker config '" + key + "'" + DidYouMean.hint(key, known));
            }
        }
    }

    /** {@code Topic 't'}, {@code Broker 1} or {@code The brokers' default}, to start a message. */
    private static String entity(EntityType type, String name) {
        if (name.isEmpty()) {
            return "The " + type.label() + "' default";
        }
        return type == EntityType.TOPICS ? "Topic '" + name + "'"
                : type == EntityType.BROKER_LOGGERS ? "Broker " + name + "'s loggers" : "Broker " + name;
    }
}
