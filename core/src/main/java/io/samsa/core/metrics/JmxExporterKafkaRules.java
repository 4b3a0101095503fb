package io.samsa.core.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the Prometheus JMX exporter names a Kafka MBean attribute under its widely used Kafka rules
 * ({@code example_configs/kafka-2_0_0.yml} of prometheus/jmx_exporter, with
 * {@code lowercaseOutputName: true}), so that dashboards and alerts built on that exporter read
 * Samsa's metrics unchanged. The rules are applied as the exporter applies them: to the string
 * {@code domain<key=value, key=value><>Attribute: value}, whole-string match of
 * {@code ^.*(?:pattern).*$}, first matching rule wins, an attribute no rule matches is not
 * exported; names and label names made safe (characters outside {@code [a-zA-Z0-9:_]} become one
 * underscore, a leading digit gets one), names lowercased, label names not, and a label whose
 * name or value comes out empty left out. What the rules produce:
 * <ul>
 * <li>a meter's {@code Count} ({@code name=...PerSec}): {@code kafka_<domain>_<type>_<name without PerSec>_total},
 *     a counter, its other keys as labels ({@code kafka_server_brokertopicmetrics_messagesin_total{topic="t"}});</li>
 * <li>a gauge's {@code Value}: {@code kafka_<domain>_<type>_<name>} ({@code kafka_log_log_size{topic,partition}});</li>
 * <li>a histogram's {@code Count}: {@code kafka_<domain>_<type>_<name>_count}, a counter, and its
 *     {@code NNthPercentile}s: {@code kafka_<domain>_<type>_<name>{quantile="0.NN"}}, a summary
 *     without {@code _sum} as the exporter emulates one;</li>
 * <li>{@code MeanRate} and {@code Value} of a name containing {@code Percent}: {@code ..._percent};</li>
 * <li>nothing for the other attributes: meters' rates, histograms' Min, Max, Mean, StdDev.</li>
 * </ul>
 * One addition to the file: it names {@code kafka.coordinator.<x>} gauges only without keys, folding
 * any keys into the name, and drops the domain's meters. Samsa's consumer lag gauges have keys, so
 * rules of its own, ahead of the file's, make them
 * {@code kafka_coordinator_group_consumerlag_lag{group,topic,partition}} and
 * {@code kafka_coordinator_group_consumerlag_totallag{group}}, and the rebalance meter
 * {@code kafka_coordinator_group_groupcoordinator_completedrebalances_total}.
 * The rules are up to two extra keys (three for the coordinator's); beans with more (none in Samsa)
 * map as the exporter's greedy patterns map them. Stateless; thread-safe.
 */
final class JmxExporterKafkaRules {

    /** What the exporter says a sample is; {@code UNTYPED} when one family mixes types. */
    enum Type {
        COUNTER("counter"), GAUGE("gauge"), UNTYPED("untyped");

        final String text;

        Type(String text) {
            this.text = text;
        }
    }

    /** A matched attribute: the family name, the sample's labels in rule order, and the exporter's HELP text. */
    record Naming(String name, Type type, List<String> labelNames, List<String> labelValues, String help) {
    }

    private record Rule(Pattern pattern, String name, Type type, List<String> labelNames, List<String> labelValues) {
    }

    /** The JMX description of every attribute Dropwizard's reporter publishes (the standard-MBean default), first in the exporter's HELP. */
    private static final String ATTRIBUTE_DESCRIPTION = "Attribute exposed for management";

    private static final List<Rule> RULES = List.of(
            // Special cases
            rule("kafka.server<type=(.+), name=(.+), clientId=(.+), topic=(.+), partition=(.*)><>Value", "kafka_server_$1_$2", Type.GAUGE,
                    "clientId", "$3", "topic", "$4", "partition", "$5"),
            rule("kafka.server<type=(.+), name=(.+), clientId=(.+), brokerHost=(.+), brokerPort=(.+)><>Value", "kafka_server_$1_$2", Type.GAUGE,
                    "clientId", "$3", "broker", "$4:$5"),
            // Samsa's: coordinator beans with keys (the consumer lag gauges) and meters; the file's
            // coordinator rule below would fold the keys into the name, and no other rule matches a
            // two-part domain, so these keep the keys as labels as the kafka.(\w+) rules do.
            rule("kafka.coordinator.(\\w+)<type=(.+), name=(.+), (.+)=(.+), (.+)=(.+), (.+)=(.+)><>Value", "kafka_coordinator_$1_$2_$3",
                    Type.GAUGE, "$4", "$5", "$6", "$7", "$8", "$9"),
            rule("kafka.coordinator.(\\w+)<type=(.+), name=(.+), (.+)=(.+), (.+)=(.+)><>Value", "kafka_coordinator_$1_$2_$3", Type.GAUGE,
                    "$4", "$5", "$6", "$7"),
            rule("kafka.coordinator.(\\w+)<type=(.+), name=(.+), (.+)=(.+)><>Value", "kafka_coordinator_$1_$2_$3", Type.GAUGE, "$4", "$5"),
            rule("kafka.coordinator.(\\w+)<type=(.+), name=(.+)PerSec\\w*><>Count", "kafka_coordinator_$1_$2_$3_total", Type.COUNTER),
            rule("kafka.coordinator.(\\w+)<type=(.+), name=(.+)><>Value", "kafka_coordinator_$1_$2_$3", Type.GAUGE),
            // Per-second counters with 0-2 key/value pairs
            rule("kafka.(\\w+)<type=(.+), name=(.+)PerSec\\w*, (.+)=(.+), (.+)=(.+)><>Count", "kafka_$1_$2_$3_total", Type.COUNTER,
                    "$4", "$5", "$6", "$7"),
            rule("kafka.(\\w+)<type=(.+), name=(.+)PerSec\\w*, (.+)=(.+)><>Count", "kafka_$1_$2_$3_total", Type.COUNTER, "$4", "$5"),
            rule("kafka.(\\w+)<type=(.+), name=(.+)PerSec\\w*><>Count", "kafka_$1_$2_$3_total", Type.COUNTER),
            // Quotas
            rule("kafka.server<type=(.+), user=(.+), client-id=(.+)><>([a-z-]+)", "kafka_server_quota_$4", Type.GAUGE,
                    "resource", "$1", "user", "$2", "clientId", "$3"),
            rule("kafka.server<type=(.+), client-id=(.+)><>([a-z-]+)", "kafka_server_quota_$3", Type.GAUGE, "resource", "$1", "clientId", "$2"),
            rule("kafka.server<type=(.+), user=(.+)><>([a-z-]+)", "kafka_server_quota_$3", Type.GAUGE, "resource", "$1", "user", "$2"),
            // Gauges with 0-2 key/value pairs
            rule("kafka.(\\w+)<type=(.+), name=(.+), (.+)=(.+), (.+)=(.+)><>Value", "kafka_$1_$2_$3", Type.GAUGE, "$4", "$5", "$6", "$7"),
            rule("kafka.(\\w+)<type=(.+), name=(.+), (.+)=(.+)><>Value", "kafka_$1_$2_$3", Type.GAUGE, "$4", "$5"),
            rule("kafka.(\\w+)<type=(.+), name=(.+)><>Value", "kafka_$1_$2_$3", Type.GAUGE),
            // Histograms as summaries (no _sum)
            rule("kafka.(\\w+)<type=(.+), name=(.+), (.+)=(.+), (.+)=(.+)><>Count", "kafka_$1_$2_$3_count", Type.COUNTER, "$4", "$5", "$6", "$7"),
            rule("kafka.(\\w+)<type=(.+), name=(.+), (.+)=(.*), (.+)=(.+)><>(\\d+)thPercentile", "kafka_$1_$2_$3", Type.GAUGE,
                    "$4", "$5", "$6", "$7", "quantile", "0.$8"),
            rule("kafka.(\\w+)<type=(.+), name=(.+), (.+)=(.+)><>Count", "kafka_$1_$2_$3_count", Type.COUNTER, "$4", "$5"),
            rule("kafka.(\\w+)<type=(.+), name=(.+), (.+)=(.*)><>(\\d+)thPercentile", "kafka_$1_$2_$3", Type.GAUGE,
                    "$4", "$5", "quantile", "0.$6"),
            rule("kafka.(\\w+)<type=(.+), name=(.+)><>Count", "kafka_$1_$2_$3_count", Type.COUNTER),
            rule("kafka.(\\w+)<type=(.+), name=(.+)><>(\\d+)thPercentile", "kafka_$1_$2_$3", Type.GAUGE, "quantile", "0.$4"),
            // Percentages
            rule("kafka.(\\w+)<type=(.+), name=(.+)Percent\\w*><>MeanRate", "kafka_$1_$2_$3_percent", Type.GAUGE),
            rule("kafka.(\\w+)<type=(.+), name=(.+)Percent\\w*><>Value", "kafka_$1_$2_$3_percent", Type.GAUGE),
            rule("kafka.(\\w+)<type=(.+), name=(.+)Percent\\w*, (.+)=(.+)><>Value", "kafka_$1_$2_$3_percent", Type.GAUGE, "$4", "$5"));

    private JmxExporterKafkaRules() {
    }

    private static Rule rule(String pattern, String name, Type type, String... labels) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < labels.length; i += 2) {
            names.add(labels[i]);
            values.add(labels[i + 1]);
        }
        return new Rule(Pattern.compile("^.*(?:" + pattern + ").*$"), name, type, List.copyOf(names), List.copyOf(values));
    }

    /**
     * The exporter's naming of {@code attribute} of the MBean {@code domain:keys} ({@code keys} in
     * the order the name spells them, values as spelled, quotes included), or null if no rule
     * exports it.
     */
    static Naming name(String domain, Map<String, String> keys, String attribute) {
        StringBuilder bean = new StringBuilder(domain).append('<');
        String sep = "";
        for (Map.Entry<String, String> k : keys.entrySet()) {
            bean.append(sep).append(k.getKey()).append('=').append(k.getValue());
            sep = ", ";
        }
        // No attribute keys (<>); the value is matched too, but no rule looks at it: any number will do.
        String matchName = bean.append("><>").append(attribute).append(": 0").toString();
        for (Rule rule : RULES) {
            Matcher m = rule.pattern.matcher(matchName);
            if (!m.matches()) {
                continue;
            }
            String name = safeName(m.replaceAll(rule.name));
            if (name.isEmpty()) {
                return null;
            }
            List<String> labelNames = new ArrayList<>();
            List<String> labelValues = new ArrayList<>();
            for (int i = 0; i < rule.labelNames.size(); i++) {
                String labelName = safeName(m.replaceAll(rule.labelNames.get(i)));
                String labelValue = m.replaceAll(rule.labelValues.get(i));
                if (!labelName.isEmpty() && !labelValue.isEmpty()) {
                    labelNames.add(labelName);
                    labelValues.add(labelValue);
                }
            }
            String help = ATTRIBUTE_DESCRIPTION + " " + domain + ":name=" + keys.get("name") + ",type=" + keys.get("type")
                    + ",attribute=" + attribute;
            return new Naming(name.toLowerCase(Locale.ROOT), rule.type, List.copyOf(labelNames), List.copyOf(labelValues), help);
        }
        return null;
    }

    /** The exporter's safe name: a leading digit gets an underscore, every run of unsafe characters and underscores becomes one underscore. */
    static String safeName(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 1);
        if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
            sb.append('_');
        }
        boolean underscore = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean legal = c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (legal) {
                sb.append(c);
                underscore = false;
            } else if (!underscore) {
                sb.append('_');
                underscore = true;
            }
        }
        return sb.toString();
    }
}
