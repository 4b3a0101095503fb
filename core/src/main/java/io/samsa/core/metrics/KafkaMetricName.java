package io.samsa.core.metrics;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A metric named as Kafka names its Yammer metrics: a group (the JMX domain, {@code kafka.server}),
 * a type, a name and ordered tags, e.g. {@code kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec,topic=t}.
 * The Dropwizard registry key is exactly that JMX name ({@link #mBeanName()}), so
 * {@link KafkaObjectNameFactory} turns it back into the {@link ObjectName} existing Kafka tooling
 * looks for. Tags with an empty value are left out, as Kafka does. Immutable.
 */
public record KafkaMetricName(String group, String type, String name, Map<String, String> tags) {

    public KafkaMetricName {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    public static KafkaMetricName of(String group, String type, String name) {
        return new KafkaMetricName(group, type, name, Map.of());
    }

    /** This name with one more tag after the others. */
    public KafkaMetricName withTag(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(tags);
        more.put(key, value);
        return new KafkaMetricName(group, type, name, more);
    }

    /** The JMX name in Kafka's key order (type, name, then the tags); also the Dropwizard registry key. */
    public String mBeanName() {
        StringBuilder sb = new StringBuilder(group).append(":type=").append(type).append(",name=").append(name);
        tags.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                sb.append(',').append(k).append('=').append(quoteIfNeeded(v));
            }
        });
        return sb.toString();
    }

    public ObjectName objectName() {
        try {
            return new ObjectName(mBeanName());
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("Not a valid JMX name: " + mBeanName(), e);
        }
    }

    /** Topic names and API names never need quoting; anything JMX would misread is quoted rather than refused. */
    private static String quoteIfNeeded(String value) {
        for (int i = 0; i < value.length(); i++) {
            switch (value.charAt(i)) {
                case ',', '=', ':', '"', '*', '?', '\n' -> {
                    return ObjectName.quote(value);
                }
                default -> {
                }
            }
        }
        return value;
    }

    @Override
    public String toString() {
        return mBeanName();
    }
}
