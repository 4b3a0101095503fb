package io.samsa.core.server;

import io.samsa.core.test.SamsaCluster;
import io.samsa.testkit.Wait;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A running broker scraped as Prometheus scrapes it: {@code metrics.http.listener} on an ephemeral
 * port, names as the JMX exporter's Kafka rules give them, after kafka-clients produce.
 */
@Tag("integration")
@Timeout(120)
class BrokerPrometheusMetricsTest {

    @RegisterExtension
    static final SamsaCluster cluster = SamsaCluster.withBrokers(1, Map.of("metrics.http.listener", "http://127.0.0.1:0"));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<String> get(String path) {
        InetSocketAddress address = cluster.broker(0).metricsHttpAddress().orElseThrow();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address.getPort() + path))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of the sample line that starts with {@code series} (name and labels), or -1 if absent. */
    private static double sample(String text, String series) {
        for (String line : text.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1));
            }
        }
        return -1;
    }

    @Test
    void scrapeShowsProducedMessagesUnderTheExportersNamesAndTheBrokerIsReady() throws Exception {
        String topic = "prom-metrics";
        int records = 5;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        String messagesIn = "kafka_server_brokertopicmetrics_messagesin_total{topic=\"" + topic + "\"}";
        assertEquals(200, get("/health/live").statusCode());
        Wait.until("the broker to be ready", Duration.ofSeconds(30), () -> get("/health/ready").statusCode() == 200);
        assertEquals("ready\n", get("/health/ready").body());

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, 0, "k" + i, "v" + i)).get();
            }
        }
        Wait.until(messagesIn + " to reach " + records, Duration.ofSeconds(30), () -> sample(get("/metrics").body(), messagesIn) == records);

        HttpResponse<String> scrape = get("/metrics");
        assertEquals("text/plain; version=0.0.4; charset=utf-8", scrape.headers().firstValue("Content-Type").orElseThrow());
        String text = scrape.body();
        assertTrue(text.contains("\n# TYPE kafka_server_brokertopicmetrics_messagesin_total counter\n"), text);
        assertTrue(sample(text, "kafka_server_brokertopicmetrics_messagesin_total") >= records, "all topics, no label");
        assertTrue(sample(text, "kafka_server_brokertopicmetrics_bytesin_total{topic=\"" + topic + "\"}") > 0);
        assertTrue(sample(text, "kafka_network_requestmetrics_totaltimems_count{request=\"Produce\"}") >= records);
        assertTrue(sample(text, "kafka_network_requestmetrics_totaltimems{request=\"Produce\",quantile=\"0.99\"}") >= 0);
        assertEquals(records, sample(text, "kafka_network_requestmetrics_errors_total{request=\"Produce\",error=\"NONE\"}"));
        assertEquals(0, sample(text, "kafka_server_replicamanager_underminisrpartitioncount"));
        assertEquals(1, sample(text, "kafka_controller_kafkacontroller_activecontrollercount"));
        assertEquals(records, sample(text, "kafka_log_log_logendoffset{topic=\"" + topic + "\",partition=\"0\"}"));
        assertEquals(404, get("/").statusCode());
    }
}
