package io.samsa.core.metrics;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class MetricsHttpServerTest {

    private static final String TEXT = "# HELP m Attribute exposed for management\n# TYPE m gauge\nm{topic=\"t\"} 1.0\n";

    private final AtomicReference<Readiness> readiness = new AtomicReference<>(Readiness.notReady("not registered in ZooKeeper"));
    private final HttpClient client = HttpClient.newHttpClient();
    private MetricsHttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = MetricsHttpServer.start(MetricsHttpListener.parse("http://127.0.0.1:0"), () -> TEXT, readiness::get);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String body(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void servesTheMetricsTextOnAnEphemeralPort() throws Exception {
        assertTrue(server.boundAddress().getPort() > 0);
        assertEquals("http://127.0.0.1:" + server.boundAddress().getPort(), server.url());
        HttpResponse<byte[]> r = send("GET", "/metrics");
        assertEquals(200, r.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(TEXT, body(r));
        assertEquals(200, send("GET", "/metrics?match[]=m").statusCode(), "a query (Prometheus' match[] params) is ignored");
    }

    @Test
    void compressesWhenTheClientAsks() throws Exception {
        HttpResponse<byte[]> r = send("GET", "/metrics", "Accept-Encoding", "gzip");
        assertEquals(200, r.statusCode());
        assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElseThrow());
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            assertEquals(TEXT, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void healthEndpointsAnswerLivenessAndReadinessWithItsReason() throws Exception {
        assertEquals(200, send("GET", "/health/live").statusCode());
        HttpResponse<byte[]> notReady = send("GET", "/health/ready");
        assertEquals(503, notReady.statusCode());
        assertEquals("not ready: not registered in ZooKeeper\n", body(notReady));
        readiness.set(Readiness.READY);
        HttpResponse<byte[]> ready = send("GET", "/health/ready");
        assertEquals(200, ready.statusCode());
        assertEquals("ready\n", body(ready));
    }

    @Test
    void unknownPathsAndMethodsAreRefused() throws Exception {
        assertEquals(404, send("GET", "/").statusCode());
        assertEquals(404, send("GET", "/metricsx").statusCode());
        HttpResponse<byte[]> post = send("POST", "/metrics");
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElseThrow());
        assertEquals(405, send("DELETE", "/health/live").statusCode());
    }

    @Test
    void headSendsTheHeadersOfGetWithoutABody() throws Exception {
        HttpResponse<byte[]> r = send("HEAD", "/metrics");
        assertEquals(200, r.statusCode());
        assertEquals(TEXT.getBytes(StandardCharsets.UTF_8).length, Integer.parseInt(r.headers().firstValue("Content-Length").orElseThrow()));
        assertEquals(0, r.body().length);
    }

    @Test
    void keepsAConnectionAliveAcrossRequestsAndAnswersMalformedOnesWith400() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.boundAddress().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String get = "GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n";
            out.write((get + get).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String responses = readUntil(socket.getInputStream(), "live\n", 2);
            assertEquals(2, count(responses, "HTTP/1.1 200 OK"), responses);

            out.write("NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String bad = readUntil(socket.getInputStream(), "Bad request\n", 1);
            assertTrue(bad.startsWith("HTTP/1.1 400"), bad);
            assertEquals(-1, socket.getInputStream().read(), "closed after a malformed request");
        }
    }

    @Test
    void aTakenAddressFailsToStartNamingIt() {
        String taken = "http://127.0.0.1:" + server.boundAddress().getPort();
        IOException e = assertThrows(IOException.class,
                () -> MetricsHttpServer.start(MetricsHttpListener.parse(taken), () -> "", () -> Readiness.READY));
        assertTrue(e.getMessage().contains(taken), e.getMessage());
    }

    @Test
    void listenerAddressesParseAsHttpHostPort() {
        assertEquals(new MetricsHttpListener("localhost", 9404), MetricsHttpListener.parse("http://localhost:9404"));
        assertEquals(new MetricsHttpListener("0.0.0.0", 9404), MetricsHttpListener.parse("HTTP://0.0.0.0:9404/"));
        assertEquals(new MetricsHttpListener("", 9404), MetricsHttpListener.parse("http://:9404"));
        assertEquals(new MetricsHttpListener("::1", 0), MetricsHttpListener.parse("http://[::1]:0"));
        assertEquals("http://[::1]:0", MetricsHttpListener.parse("http://[::1]:0").toString());
        for (String bad : new String[] {"localhost:9404", "https://localhost:9404", "http://localhost", "http://localhost:x",
                "http://localhost:65536", "http://localhost:9404/metrics", "http://::1:9404", "http://a b:1", "tcp://h:1"}) {
            assertThrows(IllegalArgumentException.class, () -> MetricsHttpListener.parse(bad), bad);
        }
    }

    /** Reads until {@code marker} has been seen {@code times} times (a blocking read with the socket's timeout, not a sleep). */
    private static String readUntil(InputStream in, String marker, int times) throws IOException {
        StringBuilder sb = new StringBuilder();
        byte[] buf = new byte[4096];
        while (count(sb.toString(), marker) < times) {
            int n = in.read(buf);
            if (n < 0) {
                break;
            }
            sb.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
        }
        return sb.toString();
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
