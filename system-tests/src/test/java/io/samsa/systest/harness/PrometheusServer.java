package io.samsa.systest.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.samsa.testkit.Wait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A real Prometheus server (the {@code prometheus} binary on the PATH, e.g. Debian's package) in its
 * own process, scraping fixed targets every {@code scrapeInterval}, each target labelled with the
 * name it is given ({@code target="broker-0"}); its data, configuration and output under one
 * directory, its web API on a free loopback port. Tests ask it what it scraped through its HTTP
 * query API ({@link #query}), as a dashboard or an alert would. Not thread-safe.
 */
public final class PrometheusServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);

    private final BackgroundProcess process;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();

    private PrometheusServer(BackgroundProcess process, URI base) {
        this.process = process;
        this.base = base;
    }

    /**
     * Starts Prometheus scraping {@code /metrics} of each target ({@code name → host:port}) and waits
     * until it answers {@code /-/ready}.
     */
    public static PrometheusServer start(Path dir, Map<String, String> targets, Duration scrapeInterval) {
        StringBuilder config = new StringBuilder()
                .append("global:\n")
                .append("  scrape_interval: ").append(scrapeInterval.toMillis()).append("ms\n")
                .append("  scrape_timeout: ").append(scrapeInterval.toMillis()).append("ms\n")
                .append("  evaluation_interval: ").append(scrapeInterval.toMillis()).append("ms\n")
                .append("scrape_configs:\n")
                .append("  - job_name: samsa\n")
                .append("    static_configs:\n");
        targets.forEach((name, address) -> config
                .append("      - targets: ['").append(address).append("']\n")
                .append("        labels: {target: '").append(name).append("'}\n"));
        int port = Ports.freePort();
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("prometheus.yml"), config.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of("prometheus",
                "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn"));
        BackgroundProcess process = BackgroundProcess.start("prometheus", command, dir);
        PrometheusServer server = new PrometheusServer(process, URI.create("http://127.0.0.1:" + port));
        try {
            Wait.until("Prometheus ready on port " + port + " (see " + process.stderr() + ")", Duration.ofSeconds(30), () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("prometheus exited; see " + process.stderr());
                }
                return server.get("/-/ready").statusCode() == 200;
            });
        } catch (RuntimeException | AssertionError e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** Where its web UI and API answer. */
    public URI uri() {
        return base;
    }

    /**
     * The result of the instant query {@code promql} evaluated now: the {@code data.result} array of
     * a vector answer (each element with its {@code metric} labels and {@code value} [time, "text"]).
     * Fails unless Prometheus answers with status success.
     */
    public JsonNode query(String promql) {
        JsonNode answer = api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        return answer.path("data").path("result");
    }

    /** The value of a query whose answer is one sample (e.g. a {@code sum(...)}); empty if it has none. */
    public OptionalDouble value(String promql) {
        JsonNode result = query(promql);
        if (result.size() == 0) {
            return OptionalDouble.empty();
        }
        if (result.size() > 1) {
            throw new AssertionError(promql + " answered " + result.size() + " samples, not one: " + result);
        }
        return OptionalDouble.of(sampleValue(result.get(0)));
    }

    /** A vector element's value ({@code value[1]} is the number as text: "1.5", "NaN", "+Inf"). */
    public static double sampleValue(JsonNode sample) {
        String text = sample.path("value").path(1).asText();
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    /** The active scrape targets ({@code /api/v1/targets}): labels, {@code health} ("up", "down", "unknown"), {@code lastError}. */
    public JsonNode activeTargets() {
        return api("/api/v1/targets?state=active").path("data").path("activeTargets");
    }

    private JsonNode api(String pathAndQuery) {
        HttpResponse<String> response = get(pathAndQuery);
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Prometheus answered " + pathAndQuery + " with " + response.statusCode() + ", not JSON: "
                    + response.body(), e);
        }
        if (response.statusCode() != 200 || !"success".equals(answer.path("status").asText())) {
            throw new AssertionError("Prometheus answered " + pathAndQuery + " with " + response.statusCode() + ": " + answer);
        }
        return answer;
    }

    private HttpResponse<String> get(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(HTTP_TIMEOUT).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: GET " + request.uri(), e);
        }
    }

    /** SIGTERM, then SIGKILL if it has not ended within 10 s. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                process.terminate(Duration.ofSeconds(10));
            } catch (AssertionError e) {
                // Still running after SIGTERM: close() below kills it.
            }
        }
        process.close();
    }
}
