package io.samsa.core.metrics;

import com.codahale.metrics.jmx.DefaultObjectNameFactory;
import com.codahale.metrics.jmx.ObjectNameFactory;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Gives each metric the JMX name its registry key spells ({@link KafkaMetricName#mBeanName()}),
 * so the MBeans are Kafka's ({@code kafka.network:type=RequestMetrics,name=TotalTimeMs,request=Produce}).
 * A key that is not a JMX name falls back to Dropwizard's naming. Stateless; thread-safe.
 */
final class KafkaObjectNameFactory implements ObjectNameFactory {

    private final ObjectNameFactory fallback = new DefaultObjectNameFactory();

    @Override
    public ObjectName createName(String type, String domain, String name) {
        if (name.indexOf(':') > 0) {
            try {
                return new ObjectName(name);
            } catch (MalformedObjectNameException e) {
                // not one of ours: named below like any other Dropwizard metric
            }
        }
        return fallback.createName(type, domain, name);
    }
}
