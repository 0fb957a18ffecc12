package io.colony.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colony.http.internal.auth.AccessControl;
import io.colony.http.internal.auth.ApiTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** A REST API server on 127.0.0.1 (any free port) over a fake manager, and an HTTP client for it. */
final class TestApi implements AutoCloseable {

    static final String TOKEN = "test-token-0123456789abcdef";
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** What differs between tests; the rest is fixed. */
    static final class Options {
        int maxBodyBytes = 4096;
        boolean authRequired = true;
        Set<InetAddress> pcciOpenAddresses = Set.of();
        int maxEventStreams = 8;
        int threads = 4;
        int queueCapacity = 64;
        Duration eventKeepAlive = Duration.ofSeconds(15);

        HttpSettings settings() {
            return new HttpSettings("127.0.0.1", 0, maxBodyBytes, List.of(TOKEN), "", authRequired, pcciOpenAddresses, 100,
                    maxEventStreams, threads, queueCapacity);
        }
    }

    final FakeJobService jobs = new FakeJobService();
    final FakeJobSpecCodec codec = new FakeJobSpecCodec();
    final RecordingLogger log = new RecordingLogger();
    final ObjectMapper mapper = new ObjectMapper();
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    final ApiServer server;

    TestApi() {
        this(options -> { });
    }

    TestApi(Consumer<Options> configure) {
        Options options = new Options();
        configure.accept(options);
        AccessControl access = new AccessControl(options.authRequired, ApiTokens.of(List.of(TOKEN)), options.pcciOpenAddresses);
        server = ApiServer.start(options.settings(), access, jobs, codec, "node-1", options.eventKeepAlive, log.logger);
    }

    InetSocketAddress address() {
        return server.localAddress();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + address().getPort() + pathAndQuery);
    }

    /** A request carrying the token. */
    HttpRequest.Builder request(String pathAndQuery) {
        return anonymous(pathAndQuery).header("Authorization", "Bearer " + TOKEN);
    }

    /** A request without a token. */
    HttpRequest.Builder anonymous(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(TIMEOUT);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery).GET());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE());
    }

    JsonNode json(String text) {
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    /** The response is JSON equal to the expected text (key order aside) and says so in its content type. */
    void assertJson(int status, String expected, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(json(expected), json(response.body()), response.body());
        assertEquals(Optional.of("application/json; charset=UTF-8"), response.headers().firstValue("content-type"));
    }

    @Override
    public void close() {
        server.close();
    }
}
