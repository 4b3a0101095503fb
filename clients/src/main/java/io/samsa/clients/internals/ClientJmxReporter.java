package io.samsa.clients.internals;

import io.samsa.common.Metric;
import io.samsa.common.MetricName;
import io.samsa.common.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * Publishes a client's metrics in the platform MBean server under the names Kafka's clients use,
 * so JMX tools and exporters written for Kafka read Samsa's clients unchanged: one MBean per group
 * and tag set, {@code <domain>:type=<group>,<tag>=<value>,...} (for example
 * {@code kafka.producer:type=producer-metrics,client-id=p1}), each metric an attribute named as the
 * metric and read live when asked. Also Kafka's {@code <domain>:type=app-info,id=<client-id>}
 * bean (attributes {@code Version}, {@code CommitId}, {@code StartTimeMs}).
 *
 * <p>When a name is already taken, by another client with the same {@code client.id} in this
 * process, the first client keeps it: a warning is logged and this client's metrics under that
 * name stay readable through {@code metrics()} only. ({@code KafkaProducer} lets the newer client
 * take the name, and the older one's close then removes it.) {@link #close} unregisters only what
 * this reporter registered. Thread-safe: the registry calls it under its lock.
 */
public final class ClientJmxReporter implements ClientMetricRegistry.Listener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClientJmxReporter.class);
    /** What Kafka leaves unquoted in a name (its {@code Sanitizer.jmxSanitize}). */
    private static final Pattern PLAIN_VALUE = Pattern.compile("[\\w-%\\. \t]*");

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final String domain;
    private final Map<ObjectName, MetricsMBean> beans = new HashMap<>();
    private final ClientMetricRegistry registry;
    private final ObjectName appInfoName;
    private boolean appInfoRegistered;
    /** Whether the warning about a name taken by another client was logged; it is logged once. */
    private boolean warnedTaken;
    private boolean closed;

    private ClientJmxReporter(ClientMetricRegistry registry, String domain, String clientId, long startTimeMs) {
        this.registry = registry;
        this.domain = domain;
        this.appInfoName = objectName(domain + ":type=app-info,id=" + quoteIfNeeded(clientId));
        if (appInfoName != null) {
            appInfoRegistered = register(new StandardMBean(new AppInfo(startTimeMs), AppInfoMBean.class, false), appInfoName);
        }
    }

    /**
     * Publishes every metric of {@code registry}, now and as they come, under {@code domain}
     * ({@code kafka.producer} or {@code kafka.consumer}); registers the app-info bean.
     */
    public static ClientJmxReporter start(ClientMetricRegistry registry, String domain, String clientId, long startTimeMs) {
        ClientJmxReporter reporter = new ClientJmxReporter(registry, domain, clientId, startTimeMs);
        registry.addListener(reporter);
        return reporter;
    }

    /** Kafka's {@code app-info} metrics (group {@code app-info}), which its JMX reporter also publishes. */
    public static void addAppInfoMetrics(ClientMetricRegistry registry, String clientId, long startTimeMs) {
        ClientMetricSet appInfo = new ClientMetricSet(registry, "app-info", Map.of("client-id", clientId), Time.SYSTEM);
        appInfo.gauge("version", "Metric indicating version", () -> ClientVersion.VERSION);
        appInfo.gauge("commit-id", "Metric indicating commit-id", () -> ClientVersion.COMMIT_ID);
        appInfo.gauge("start-time-ms", "Metric indicating start-time-ms", () -> startTimeMs);
    }

    /** The MBean name of a metric, as Kafka's {@code JmxReporter} forms it (empty tags left out). */
    public static String mbeanName(String domain, MetricName name) {
        StringBuilder b = new StringBuilder(domain).append(":type=").append(name.group());
        for (Map.Entry<String, String> tag : name.tags().entrySet()) {
            if (!tag.getKey().isEmpty() && !tag.getValue().isEmpty()) {
                b.append(',').append(tag.getKey()).append('=').append(quoteIfNeeded(tag.getValue()));
            }
        }
        return b.toString();
    }

    private static String quoteIfNeeded(String value) {
        return PLAIN_VALUE.matcher(value).matches() ? value : ObjectName.quote(value);
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (JMException e) {
            log.warn("Cannot publish metrics as {} in JMX: {}", name, e.toString());
            return null;
        }
    }

    @Override
    public synchronized void metricAdded(Metric metric) {
        if (closed) {
            return;
        }
        ObjectName name = objectName(mbeanName(domain, metric.metricName()));
        if (name == null) {
            return;
        }
        MetricsMBean bean = beans.get(name);
        if (bean == null) {
            bean = new MetricsMBean();
            beans.put(name, bean);
            bean.attributes.put(metric.metricName().name(), metric);
            bean.owned = register(bean, name);
        } else if (bean.attributes.put(metric.metricName().name(), metric) == null && bean.owned) {
            // As Kafka does: a new attribute re-registers the bean, so JMX clients that cache
            // MBeanInfo hear of the change.
            reregister(bean, name);
        }
    }

    @Override
    public synchronized void metricRemoved(Metric metric) {
        if (closed) {
            return;
        }
        ObjectName name = objectName(mbeanName(domain, metric.metricName()));
        MetricsMBean bean = name == null ? null : beans.get(name);
        if (bean == null || bean.attributes.remove(metric.metricName().name()) == null) {
            return;
        }
        if (bean.attributes.isEmpty()) {
            beans.remove(name);
            if (bean.owned) {
                unregister(name);
            }
        } else if (bean.owned) {
            reregister(bean, name);
        }
    }

    private boolean register(Object bean, ObjectName name) {
        try {
            server.registerMBean(bean, name);
            return true;
        } catch (InstanceAlreadyExistsException e) {
            if (!warnedTaken) {
                warnedTaken = true;
                log.warn("The MBean {} is already registered, by another client with the same client.id: this client's "
                        + "metrics under names already taken are not published to JMX (metrics() still has them)", name);
            } else {
                log.debug("The MBean {} is already registered by another client", name);
            }
        } catch (JMException e) {
            log.warn("Cannot register the MBean {}", name, e);
        }
        return false;
    }

    private void reregister(MetricsMBean bean, ObjectName name) {
        unregister(name);
        bean.owned = register(bean, name);
    }

    private void unregister(ObjectName name) {
        try {
            server.unregisterMBean(name);
        } catch (JMException e) {
            log.debug("Cannot unregister the MBean {}: {}", name, e.toString());
        }
    }

    /** Unregisters every MBean this reporter registered; later metric changes are ignored. */
    @Override
    public void close() {
        registry.removeListener(this);
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            for (Map.Entry<ObjectName, MetricsMBean> e : beans.entrySet()) {
                if (e.getValue().owned) {
                    unregister(e.getKey());
                }
            }
            beans.clear();
            if (appInfoRegistered) {
                unregister(appInfoName);
            }
        }
    }

    /** One group-and-tags' metrics, read live. Attributes are added and removed by the reporter; read by any thread. */
    private static final class MetricsMBean implements DynamicMBean {
        private final Map<String, Metric> attributes = new ConcurrentSkipListMap<>();
        /** Whether this reporter holds the name in the MBean server; guarded by the reporter. */
        private boolean owned;

        @Override
        public Object getAttribute(String attribute) throws AttributeNotFoundException {
            Metric m = attributes.get(attribute);
            if (m == null) {
                throw new AttributeNotFoundException("Could not find attribute " + attribute);
            }
            return m.metricValue();
        }

        @Override
        public AttributeList getAttributes(String[] names) {
            AttributeList list = new AttributeList();
            for (String name : names) {
                Metric m = attributes.get(name);
                if (m != null) {
                    list.add(new Attribute(name, m.metricValue()));
                }
            }
            return list;
        }

        @Override
        public MBeanInfo getMBeanInfo() {
            MBeanAttributeInfo[] infos = attributes.entrySet().stream()
                    // Kafka declares every attribute a double; its values are, but for app-info's.
                    .map(e -> new MBeanAttributeInfo(e.getKey(), double.class.getName(),
                            e.getValue().metricName().description(), true, false, false))
                    .toArray(MBeanAttributeInfo[]::new);
            return new MBeanInfo(getClass().getName(), "", infos, null, null, null);
        }

        @Override
        public void setAttribute(Attribute attribute) {
            throw new UnsupportedOperationException("Set not allowed.");
        }

        @Override
        public AttributeList setAttributes(AttributeList attributes) {
            throw new UnsupportedOperationException("Set not allowed.");
        }

        @Override
        public Object invoke(String actionName, Object[] params, String[] signature) {
            throw new UnsupportedOperationException("Invoke not allowed.");
        }
    }

    /** The attributes of Kafka's {@code app-info} bean. */
    public interface AppInfoMBean {
        String getVersion();

        String getCommitId();

        Long getStartTimeMs();
    }

    private record AppInfo(long startTimeMs) implements AppInfoMBean {
        @Override
        public String getVersion() {
            return ClientVersion.VERSION;
        }

        @Override
        public String getCommitId() {
            return ClientVersion.COMMIT_ID;
        }

        @Override
        public Long getStartTimeMs() {
            return startTimeMs;
        }
    }
}
