package io.samsa.tools.configs;

import io.samsa.common.config.TopicConfig;
import io.samsa.tools.cli.CommandLine;
import io.samsa.tools.cli.CommonOptions;
import io.samsa.tools.cli.CommonSettings;
import io.samsa.tools.cli.DidYouMean;
import io.samsa.tools.cli.OutputFormat;
import io.samsa.tools.cli.UsageException;
import joptsimple.OptionSet;
import joptsimple.OptionSpec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * {@code samsa-configs}' command line: Kafka 3.9's {@code kafka-configs} flags
 * ({@code --entity-type} with {@code --entity-name} or {@code --entity-default}, or the shortcuts
 * {@code --topic}, {@code --broker}, {@code --broker-defaults}, {@code --broker-logger},
 * {@code --user}, {@code --client}, {@code --ip} and their {@code -defaults}), plus the shared
 * options ({@link CommonOptions}). Users, clients, ips and client-metrics are read here as Kafka's
 * tool reads them, then refused when the tool runs ({@link EntityType#unsupported()}).
 * {@code --force} is accepted and changes nothing (the tool never prompts);
 * {@code --bootstrap-controller} is refused. Topic config keys are checked here against the names
 * there are ({@link TopicConfig}); a broker's or a logger's against what the broker describes, when
 * the tool runs. Immutable.
 *
 * @param alter         {@code --alter}, else {@code --describe}
 * @param entityType    the entity type (the first, for users and clients together)
 * @param entityName    the topic or broker id; empty for the type's default; null for every
 *                      entity of the type ({@code --describe} only)
 * @param all           {@code --all}: every config, not only the dynamic ones
 * @param addConfigs    {@code --add-config}'s pairs, in order
 * @param addConfigFile {@code --add-config-file}, or null
 * @param deleteConfigs {@code --delete-config}'s keys, in order
 */
record ConfigCommandOptions(boolean alter, CommonSettings common, EntityType entityType, String entityName, boolean all,
                            Map<String, String> addConfigs, Path addConfigFile, List<String> deleteConfigs) {

    static final String DESCRIPTION = "samsa-configs: describes and alters the configs of topics, brokers and broker "
            + "loggers, with Kafka's kafka-configs flags.\n"
            + "Usage: samsa-configs.sh --bootstrap-server HOST:PORT --describe | --alter --entity-type "
            + "topics|brokers|broker-loggers [--entity-name NAME | --entity-default] [--add-config k=v,k2=[a,b]] "
            + "[--delete-config k,k2]\n"
            + "Exit status: 0 done, 1 failed (one line on stderr), 2 bad command line (an unknown config key too).";

    private static final class Parser extends CommandLine.Declarations {
        final CommonOptions common = new CommonOptions(parser, true);
        final OptionSpec<Void> describe = parser.accepts("describe", "List the configs of the entity (or of every "
                + "entity of the type): the dynamic ones, or with --all every one.");
        final OptionSpec<Void> alter = parser.accepts("alter", "Change the configs of the entity.");
        final OptionSpec<String> entityType = parser.accepts("entity-type", "topics, brokers or broker-loggers. Kafka's "
                + "users, clients and ips (quotas, SCRAM credentials) and client-metrics (KRaft only) are refused: the "
                + "requests they need are not Samsa's (users and clients may be given together).").withRequiredArg()
                .describedAs("type");
        final OptionSpec<String> entityName = parser.accepts("entity-name", "The topic's name, or the broker's id "
                + "(brokers and broker-loggers).").withRequiredArg().describedAs("name");
        final OptionSpec<Void> entityDefault = parser.accepts("entity-default", "With --entity-type brokers, the "
                + "default of every broker (the cluster-wide dynamic config).");
        final OptionSpec<String> topic = parser.accepts("topic", "Short for --entity-type topics --entity-name TOPIC.")
                .withRequiredArg().describedAs("topic");
        final OptionSpec<String> broker = parser.accepts("broker", "Short for --entity-type brokers --entity-name ID.")
                .withRequiredArg().describedAs("id");
        final OptionSpec<Void> brokerDefaults = parser.accepts("broker-defaults", "Short for --entity-type brokers "
                + "--entity-default.");
        final OptionSpec<String> brokerLogger = parser.accepts("broker-logger", "Short for --entity-type broker-loggers "
                + "--entity-name ID.").withRequiredArg().describedAs("id");
        final OptionSpec<String> user = parser.accepts("user", "Short for --entity-type users --entity-name USER "
                + "(not served: see --entity-type).").withRequiredArg().describedAs("principal");
        final OptionSpec<Void> userDefaults = parser.accepts("user-defaults", "Short for --entity-type users "
                + "--entity-default.");
        final OptionSpec<String> client = parser.accepts("client", "Short for --entity-type clients --entity-name ID "
                + "(not served: see --entity-type).").withRequiredArg().describedAs("client-id");
        final OptionSpec<Void> clientDefaults = parser.accepts("client-defaults", "Short for --entity-type clients "
                + "--entity-default.");
        final OptionSpec<String> ip = parser.accepts("ip", "Short for --entity-type ips --entity-name IP (not served: "
                + "see --entity-type).").withRequiredArg().describedAs("ip");
        final OptionSpec<Void> ipDefaults = parser.accepts("ip-defaults", "Short for --entity-type ips --entity-default.");
        final OptionSpec<Void> force = parser.accepts("force", "Accepted for Kafka's command lines: this tool never "
                + "prompts.");
        final OptionSpec<String> bootstrapController = parser.accepts("bootstrap-controller", "Refused: KRaft "
                + "controllers; a ZooKeeper-mode cluster is reached with --bootstrap-server.").withRequiredArg()
                .describedAs("host:port");
        final Map<OptionSpec<String>, EntityType> shortcuts = new LinkedHashMap<>();
        final Map<OptionSpec<Void>, EntityType> defaultShortcuts = new LinkedHashMap<>();

        Parser() {
            shortcuts.put(topic, EntityType.TOPICS);
            shortcuts.put(broker, EntityType.BROKERS);
            shortcuts.put(brokerLogger, EntityType.BROKER_LOGGERS);
            shortcuts.put(user, EntityType.USERS);
            shortcuts.put(client, EntityType.CLIENTS);
            shortcuts.put(ip, EntityType.IPS);
            defaultShortcuts.put(brokerDefaults, EntityType.BROKERS);
            defaultShortcuts.put(userDefaults, EntityType.USERS);
            defaultShortcuts.put(clientDefaults, EntityType.CLIENTS);
            defaultShortcuts.put(ipDefaults, EntityType.IPS);
        }
        final OptionSpec<Void> all = parser.accepts("all", "With --describe, every config, static and default ones too.");
        final OptionSpec<String> addConfig = parser.accepts("add-config", "With --alter, configs to set: k1=v1,k2=v2; "
                + "square brackets keep a list value's commas: k=[a,b].").withRequiredArg().describedAs("k=v,...");
        final OptionSpec<String> addConfigFile = parser.accepts("add-config-file", "With --alter, a properties file of "
                + "configs to set.").withRequiredArg().describedAs("file");
        final OptionSpec<String> deleteConfig = parser.accepts("delete-config", "With --alter, configs to remove (back "
                + "to the default): k1,k2.").withRequiredArg().withValuesSeparatedBy(',').describedAs("k,...");

        ConfigCommandOptions read(OptionSet set) throws UsageException {
            if (set.has(describe) == set.has(alter)) {
                throw new UsageException("give exactly one action: --describe or --alter");
            }
            if (set.has(bootstrapController)) {
                throw new UsageException("--bootstrap-controller is for KRaft controllers; a ZooKeeper-mode cluster, "
                        + "Samsa's or Kafka's, is reached with --bootstrap-server HOST:PORT");
            }
            CommonSettings settings = common.read(set);
            boolean isAlter = set.has(alter);
            for (OptionSpec<?> o : List.of(addConfig, addConfigFile, deleteConfig)) {
                if (set.has(o) && !isAlter) {
                    throw new UsageException(CommandLine.flag(o) + " goes with --alter only");
                }
            }
            if (set.has(all) && isAlter) {
                throw new UsageException("--all goes with --describe only");
            }
            if (isAlter && settings.output() == OutputFormat.JSON) {
                throw new UsageException("--output json goes with --describe only");
            }
            List<EntityType> types = entityTypes(set);
            EntityType type = types.get(0);
            String name = entityName(set, type, types.size() > 1);
            if (isAlter && name == null && type.unsupported() == null) {
                throw new UsageException(switch (type) {
                    case BROKERS -> "--alter of brokers needs --entity-name ID or --entity-default";
                    case BROKER_LOGGERS -> "--alter of broker-loggers needs --entity-name ID";
                    default -> "--alter of topics needs --entity-name TOPIC";
                });
            }
            if (!isAlter && name == null && type == EntityType.BROKER_LOGGERS) {
                throw new UsageException("--describe of broker-loggers needs --entity-name ID (a broker's id)");
            }
            Map<String, String> added = set.has(addConfig) ? AddConfigs.parse(set.valueOf(addConfig)) : Map.of();
            if (set.has(addConfig) && set.has(addConfigFile)) {
                throw new UsageException("give --add-config or --add-config-file, not both");
            }
            List<String> deleted = new ArrayList<>(new LinkedHashSet<>(set.valuesOf(deleteConfig).stream()
                    .map(String::trim).filter(k -> !k.isEmpty()).toList()));
            if (isAlter && added.isEmpty() && !set.has(addConfigFile) && deleted.isEmpty() && type.unsupported() == null) {
                throw new UsageException("--alter needs --add-config, --add-config-file or --delete-config");
            }
            for (String key : deleted) {
                if (added.containsKey(key)) {
                    throw new UsageException("'" + key + "' is both added and deleted");
                }
            }
            if (type == EntityType.TOPICS) {
                checkTopicKeys(added.keySet());
                checkTopicKeys(deleted);
            }
            return new ConfigCommandOptions(isAlter, settings, type, name, set.has(all), added,
                    set.has(addConfigFile) ? Path.of(set.valueOf(addConfigFile)) : null, deleted);
        }

        /** The entity types given, by --entity-type or by the shortcuts, in order. */
        private List<EntityType> entityTypes(OptionSet set) throws UsageException {
            boolean shortcut = shortcuts.keySet().stream().anyMatch(set::has) || defaultShortcuts.keySet().stream().anyMatch(set::has);
            if (shortcut && (set.has(entityType) || set.has(entityName) || set.has(entityDefault))) {
                throw new UsageException("--entity-type, --entity-name and --entity-default do not go with the shortcuts "
                        + "(--topic, --broker, --broker-defaults, --broker-logger, --user, --client, --ip, ...)");
            }
            List<EntityType> types = new ArrayList<>();
            if (shortcut) {
                shortcuts.forEach((spec, t) -> {
                    if (set.has(spec)) {
                        types.add(t);
                    }
                });
                defaultShortcuts.forEach((spec, t) -> {
                    if (set.has(spec)) {
                        types.add(t);
                    }
                });
            } else {
                CommandLine.require(set, entityType);
                for (String given : set.valuesOf(entityType)) {
                    String label = given.trim();
                    EntityType t = EntityType.of(label);
                    if (t == null) {
                        List<String> labels = Arrays.stream(EntityType.values()).map(EntityType::label).toList();
                        throw new UsageException("--entity-type must be one of " + String.join(", ", labels) + ", not '"
                                + label + "'" + DidYouMean.hint(label, labels));
                    }
                    types.add(t);
                }
            }
            if (new LinkedHashSet<>(types).size() != types.size()) {
                throw new UsageException("an entity type is given twice");
            }
            if (types.size() > 1 && !new LinkedHashSet<>(types).equals(new LinkedHashSet<>(List.of(EntityType.USERS,
                    EntityType.CLIENTS))) && !new LinkedHashSet<>(types).equals(new LinkedHashSet<>(List.of(EntityType.CLIENTS,
                    EntityType.USERS)))) {
                throw new UsageException("only users and clients may be given together, not " + String.join(" and ",
                        types.stream().map(EntityType::label).toList()));
            }
            return types;
        }

        /** The entity's name; "" for the type's default; null when none was given. */
        private String entityName(OptionSet set, EntityType type, boolean several) throws UsageException {
            String name = null;
            for (Map.Entry<OptionSpec<String>, EntityType> e : shortcuts.entrySet()) {
                if (e.getValue() == type && set.has(e.getKey())) {
                    name = set.valueOf(e.getKey());
                }
            }
            for (Map.Entry<OptionSpec<Void>, EntityType> e : defaultShortcuts.entrySet()) {
                if (e.getValue() == type && set.has(e.getKey())) {
                    name = "";
                }
            }
            if (name == null && !several) {
                if (set.has(entityName) && set.has(entityDefault)) {
                    throw new UsageException("give --entity-name or --entity-default, not both");
                }
                if (set.valuesOf(entityName).size() > 1) {
                    throw new UsageException("give one --entity-name");
                }
                if (set.has(entityDefault) && !type.hasDefault()) {
                    throw new UsageException("--entity-default goes with --entity-type brokers, users, clients or ips only");
                }
                name = set.has(entityDefault) ? "" : set.valueOf(entityName);
            }
            if (name == null) {
                return null;
            }
            name = name.trim();
            if (type == EntityType.TOPICS && name.isEmpty()) {
                throw new UsageException("--entity-name needs a topic name");
            }
            if (type.namedByBrokerId() && !name.isEmpty()) {
                try {
                    Integer.parseInt(name);
                } catch (NumberFormatException e) {
                    throw new UsageException("a broker is named by its id, a number, not '" + name + "'");
                }
            }
            return name;
        }
    }

    ConfigCommandOptions {
        addConfigs = Collections.unmodifiableMap(new LinkedHashMap<>(addConfigs));
        deleteConfigs = List.copyOf(deleteConfigs);
    }

    /** Fails on the first key that is not a topic config, with the names it was probably meant to be. */
    static void checkTopicKeys(Iterable<String> keys) throws UsageException {
        for (String key : keys) {
            if (!TopicConfig.names().contains(key)) {
                throw new UsageException("unknown topic config '" + key + "'" + DidYouMean.hint(key, TopicConfig.names()));
            }
        }
    }

    /**
     * @return the options, or null for {@code --help}
     * @throws UsageException for a command line that cannot run, with the reason in one line
     */
    static ConfigCommandOptions parse(String... args) throws UsageException {
        return CommandLine.parse(Parser::new, Parser::read, args);
    }

    static void printUsage(PrintStream out) {
        CommandLine.printUsage(Parser::new, DESCRIPTION, out);
    }
}
