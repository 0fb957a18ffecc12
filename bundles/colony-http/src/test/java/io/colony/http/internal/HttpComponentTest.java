package io.colony.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.node.NodeInfo;
import io.colony.api.node.Role;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.service.event.Event;

/** The DS component as SCR creates it: configuration, the launcher's overrides, the token file, EventAdmin events. */
@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
class HttpComponentTest {

    @TempDir
    Path data;

    private final RecordingLogger log = new RecordingLogger();
    private final HttpClient client = freshClient();
    private final Map<String, String> framework = new HashMap<>();

    private final NodeInfo node = new NodeInfo() {
        @Override
        public String id() {
            return "manager-1";
        }

        @Override
        public String clusterName() {
            return "colony";
        }

        @Override
        public Set<Role> roles() {
            return Set.of(Role.MANAGER);
        }

        @Override
        public Instant startedAt() {
            return FakeJobService.T0;
        }

        @Override
        public Map<String, Integer> ports() {
            return Map.of();
        }

        @Override
        public Map<String, String> userData() {
            return Map.of();
        }
    };

    /** A bundle context that knows the framework properties and gives no storage of its own. */
    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> framework.get((String) args[0]);
                    case "getDataFile" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private HttpComponent component(Map<String, Object> properties) {
        framework.put("colony.data", data.toString());
        return new HttpComponent(context(), properties, new FakeJobService(), new FakeJobSpecCodec(), node, log.logger);
    }

    private static HttpClient freshClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TestApi.TIMEOUT).build();
    }

    private HttpResponse<String> get(HttpComponent component, String path, String token) throws Exception {
        return get(client, component, path, token);
    }

    /**
     * A request through the given client; after a deactivation use a new client, since a pooled keep-alive
     * connection to the stopped server may only time out instead of being refused.
     */
    private static HttpResponse<String> get(HttpClient client, HttpComponent component, String path, String token)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + component.localAddress().getPort() + path))
                .timeout(TestApi.TIMEOUT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void firstStartGeneratesAnOwnerOnlyTokenFileWhoseTokenIsAccepted() throws Exception {
        framework.put("colony.bind.address", "127.0.0.1");
        framework.put("colony.http.port", "0");
        HttpComponent component = component(Map.of("bind.address", "0.0.0.0", "port", 22581));
        try {
            Path file = data.resolve("api.token");
            String token = Files.readString(file).trim();

            assertEquals("127.0.0.1", component.localAddress().getAddress().getHostAddress());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertTrue(log.lines("info").contains("info REST API: generated an API token in " + file + " (send it as Authorization: Bearer <token>)"),
                    log.lines.toString());
            assertEquals(200, get(component, "/api/v1/workers", token).statusCode());
            assertEquals(403, get(component, "/api/v1/workers", "x".repeat(64)).statusCode());
            assertEquals("{\"status\":\"UP\",\"node\":\"manager-1\"}", get(component, "/api/v1/health", null).body());
        } finally {
            component.deactivate();
        }
        assertThrows(ConnectException.class, () -> get(freshClient(), component, "/api/v1/health", null));
    }

    @Test
    void configuredTokensAreAcceptedAndNoTokenFileIsMade() throws Exception {
        HttpComponent component = component(Map.of("bind.address", "127.0.0.1", "port", 0, "tokens", new String[] {"operator-token-000001", "operator-token-000002"}));
        try {
            assertEquals(200, get(component, "/api/v1/jobs", "operator-token-000002").statusCode());
            assertEquals(401, get(component, "/api/v1/jobs", null).statusCode());
            assertFalse(Files.exists(data.resolve("api.token")));
        } finally {
            component.deactivate();
        }
    }

    @Test
    void relativeTokenFileIsUnderTheDataFolderAndAnExistingOneIsKept() throws Exception {
        Files.createDirectories(data.resolve("secrets"));
        Files.writeString(data.resolve("secrets/rest.token"), "kept-token-from-before-0001\n");
        HttpComponent component = component(Map.of("bind.address", "127.0.0.1", "port", 0, "token.file", "secrets/rest.token"));
        try {
            assertEquals(200, get(component, "/api/v1/jobs", "kept-token-from-before-0001").statusCode());
            assertTrue(log.lines("info").contains("info REST API: accepting the API token in " + data.resolve("secrets/rest.token")), log.lines.toString());
        } finally {
            component.deactivate();
        }
    }

    @Test
    void badConfigurationValueIsLoggedAndKeepsTheComponentDown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> component(Map.of("bind.address", "127.0.0.1", "port", "eighty")));

        assertEquals("io.colony.http: port = 'eighty': not a whole number", e.getMessage());
        assertEquals(List.of("error REST API not started: io.colony.http: port = 'eighty': not a whole number"), log.lines("error"));
        assertFalse(Files.exists(data.resolve("api.token")));
    }

    @Test
    void portInUseIsLoggedAndKeepsTheComponentDown() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> component(Map.of("bind.address", "127.0.0.1", "port", taken.getLocalPort(), "tokens", "operator-token-000001")));

            assertTrue(e.getMessage().startsWith("REST API cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": "), e.getMessage());
            assertEquals(List.of("error REST API not started: " + e.getMessage()), log.lines("error"));
        }
    }

    @Test
    void eventAdminEventsReachTheEventStream() throws Exception {
        HttpComponent component = component(Map.of("bind.address", "127.0.0.1", "port", 0, "tokens", "operator-token-000001"));
        URI events = URI.create("http://127.0.0.1:" + component.localAddress().getPort() + "/api/v1/events");
        try (EventStreamClient stream = new EventStreamClient(client, events, "operator-token-000001")) {
            assertEquals(": connected", stream.nextLine());

            component.handleEvent(new Event("io/colony/cluster/workerAvailable", Map.of("node.id", "w9")));

            assertEquals("event: cluster/workerAvailable\ndata: {\"node.id\":\"w9\"}", stream.nextEvent());
        } finally {
            component.deactivate();
        }
    }
}
