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
 * {@code samsa-configs}' command line: Kafka 3.9's {@code kafka-configs} flags for topics and
 * brokers ({@code --entity-type topics|brokers} with {@code --entity-name} or, for brokers,
 * {@code --entity-default}, or the shortcuts {@code --topic}, {@code --broker},
 * {@code --broker-defaults}), plus the shared options ({@link CommonOptions}). Topic config keys
 * are checked here against the names there are ({@link TopicConfig}); a broker's are checked
 * against what the broker describes, when the tool runs. Immutable.
 *
 * @param alter         {@code --alter}, else {@code --describe}
 * @param entityName    the topic or broker id; empty for the brokers' default; null for every
 *                      entity of the type ({@code --describe} only)
 * @param all           {@code --all}: every config, not only the dynamic ones
 * @param addConfigs    {@code --add-config}'s pairs, in order
 * @param addConfigFile {@code --add-config-file}, or null
 * @param deleteConfigs {@code --delete-config}'s keys, in order
 */
record ConfigCommandOptions(boolean alter, CommonSettings common, EntityType entityType, String entityName, boolean all,
                            Map<String, String> addConfigs, Path addConfigFile, List<String> deleteConfigs) {

    static final String DESCRIPTION = "samsa-configs: describes and alters the configs of topics and brokers, with "
            + "Kafka's kafka-configs flags.\n"
            + "Usage: samsa-configs.sh --bootstrap-server HOST:PORT --describe | --alter --entity-type topics|brokers "
            + "[--entity-name NAME | --entity-default] [--add-config k=v,k2=[a,b]] [--delete-config k,k2]\n"
            + "Exit status: 0 done, 1 failed (one line on stderr), 2 bad command line (an unknown config key too).";

    private static final class Parser extends CommandLine.Declarations {
        final CommonOptions common = new CommonOptions(parser, true);
        final OptionSpec<Void> describe = parser.accepts("describe", "List the configs of the entity (or of every "
                + "entity of the type): the dynamic ones, or with --all every one.");
        final OptionSpec<Void> alter = parser.accepts("alter", "Change the configs of the entity.");
        final OptionSpec<String> entityType = parser.accepts("entity-type", "topics or brokers.").withRequiredArg()
                .describedAs("topics|brokers");
        final OptionSpec<String> entityName = parser.accepts("entity-name", "The topic's name or the broker's id.")
                .withRequiredArg().describedAs("name");
        final OptionSpec<Void> entityDefault = parser.accepts("entity-default", "With --entity-type brokers, the "
                + "default of every broker (the cluster-wide dynamic config).");
        final OptionSpec<String> topic = parser.accepts("topic", "Short for --entity-type topics --entity-name TOPIC.")
                .withRequiredArg().describedAs("topic");
        final OptionSpec<String> broker = parser.accepts("broker", "Short for --entity-type brokers --entity-name ID.")
                .withRequiredArg().describedAs("id");
        final OptionSpec<Void> brokerDefaults = parser.accepts("broker-defaults", "Short for --entity-type brokers "
                + "--entity-default.");
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
            EntityType type = entityType(set);
            String name = entityName(set, type);
            if (isAlter && name == null) {
                throw new UsageException(type == EntityType.BROKERS
                        ? "--alter of brokers needs --entity-name ID or --entity-default"
                        : "--alter of topics needs --entity-name TOPIC");
            }
            Map<String, String> added = set.has(addConfig) ? AddConfigs.parse(set.valueOf(addConfig)) : Map.of();
            if (set.has(addConfig) && set.has(addConfigFile)) {
                throw new UsageException("give --add-config or --add-config-file, not both");
            }
            List<String> deleted = new ArrayList<>(new LinkedHashSet<>(set.valuesOf(deleteConfig).stream()
                    .map(String::trim).filter(k -> !k.isEmpty()).toList()));
            if (isAlter && added.isEmpty() && !set.has(addConfigFile) && deleted.isEmpty()) {
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

        private EntityType entityType(OptionSet set) throws UsageException {
            boolean shortcut = set.has(topic) || set.has(broker) || set.has(brokerDefaults);
            if (shortcut && (set.has(entityType) || set.has(entityName) || set.has(entityDefault))) {
                throw new UsageException("--entity-type, --entity-name and --entity-default do not go with --topic, "
                        + "--broker or --broker-defaults");
            }
            if (shortcut) {
                if ((set.has(topic) ? 1 : 0) + (set.has(broker) ? 1 : 0) + (set.has(brokerDefaults) ? 1 : 0) > 1) {
                    throw new UsageException("give one of --topic, --broker and --broker-defaults");
                }
                return set.has(topic) ? EntityType.TOPICS : EntityType.BROKERS;
            }
            CommandLine.require(set, entityType);
            if (set.valuesOf(entityType).size() > 1) {
                throw new UsageException("give one --entity-type");
            }
            String label = set.valueOf(entityType).trim();
            for (EntityType t : EntityType.values()) {
                if (t.label().equals(label)) {
                    return t;
                }
            }
            List<String> labels = Arrays.stream(EntityType.values()).map(EntityType::label).toList();
            String hint = DidYouMean.hint(label, labels);
            throw new UsageException("--entity-type must be topics or brokers, not '" + label + "'"
                    + (hint.isEmpty() && Arrays.asList(EntityType.UNSUPPORTED.split(", ")).contains(label)
                    ? " (Samsa's tool does not handle " + EntityType.UNSUPPORTED + ")" : hint));
        }

        /** The entity's name; "" for the brokers' default; null when none was given. */
        private String entityName(OptionSet set, EntityType type) throws UsageException {
            String name;
            if (set.has(topic)) {
                name = set.valueOf(topic);
            } else if (set.has(broker)) {
                name = set.valueOf(broker);
            } else if (set.has(brokerDefaults)) {
                name = "";
            } else {
                if (set.has(entityName) && set.has(entityDefault)) {
                    throw new UsageException("give --entity-name or --entity-default, not both");
                }
                if (set.valuesOf(entityName).size() > 1) {
                    throw new UsageException("give one --entity-name");
                }
                if (set.has(entityDefault) && type != EntityType.BROKERS) {
                    throw new UsageException("--entity-default goes with --entity-type brokers only");
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
            if (type == EntityType.BROKERS && !name.isEmpty()) {
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
