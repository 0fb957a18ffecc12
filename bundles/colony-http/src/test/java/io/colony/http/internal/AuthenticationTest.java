package io.colony.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.http.internal.auth.Access;
import io.colony.http.internal.routing.Router;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class AuthenticationTest {

    private static final String NO_TOKEN = "{\"error\":\"authorization: a token is required (Authorization: Bearer <token> or X-Colony-Token: <token>)\",\"field\":\"authorization\"}";

    private TestApi api = new TestApi();

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void healthNeedsNoToken() throws Exception {
        api.assertJson(200, "{\"status\":\"UP\",\"node\":\"node-1\"}", api.send(api.anonymous("/api/v1/health").GET()));
    }

    @Test
    void requestWithoutTokenIsAnswered401WithABearerChallengeAndTheNextRequestSucceeds() throws Exception {
        HttpResponse<String> response = api.send(api.anonymous("/api/v1/jobs").GET());

        api.assertJson(401, NO_TOKEN, response);
        assertEquals(Optional.of("Bearer realm=\"colony\""), response.headers().firstValue("www-authenticate"));
        assertEquals(200, api.get("/api/v1/jobs").statusCode());
    }

    @Test
    void wrongTokenIsAnswered403() throws Exception {
        HttpResponse<String> bearer = api.send(api.anonymous("/api/v1/workers").header("Authorization", "Bearer test-token-0123456789abcdeX"));
        HttpResponse<String> header = api.send(api.anonymous("/api/v1/workers").header("X-Colony-Token", TestApi.TOKEN + "0"));
        HttpResponse<String> prefix = api.send(api.anonymous("/api/v1/workers").header("Authorization", "Bearer test-token"));

        for (HttpResponse<String> response : List.of(bearer, header, prefix)) {
            api.assertJson(403, "{\"error\":\"authorization: token not accepted\",\"field\":\"authorization\"}", response);
        }
        assertEquals(200, api.get("/api/v1/workers").statusCode());
    }

    @Test
    void tokenIsAcceptedAsBearerInAnyCaseOrInTheColonyHeader() throws Exception {
        assertEquals(200, api.send(api.anonymous("/api/v1/workers").header("Authorization", "bearer " + TestApi.TOKEN)).statusCode());
        assertEquals(200, api.send(api.anonymous("/api/v1/workers").header("X-Colony-Token", TestApi.TOKEN)).statusCode());
    }

    @Test
    void otherAuthorizationSchemesAreAnswered401() throws Exception {
        HttpResponse<String> response = api.send(api.anonymous("/api/v1/workers").header("Authorization", "Basic dXNlcjpwYXNz"));

        api.assertJson(401, "{\"error\":\"authorization: only Bearer tokens are accepted (Authorization: Bearer <token>)\",\"field\":\"authorization\"}", response);
        assertEquals(Optional.of("Bearer realm=\"colony\""), response.headers().firstValue("www-authenticate"));
    }

    @Test
    void everyRouteButTheHealthCheckNeedsAToken() throws Exception {
        List<Router.Route> routes = api.server.routes();
        assertTrue(routes.size() >= 17, "routes: " + routes.size());
        for (Router.Route route : routes) {
            String path = route.pattern().replace("{id}", "1");
            HttpResponse<String> response = api.send(api.anonymous(path).header("Content-Type", "application/json")
                    .method(route.method(), HttpRequest.BodyPublishers.ofString("{}")));
            int expected = route.access() == Access.PUBLIC ? 200 : 401;
            assertEquals(expected, response.statusCode(), route.method() + " " + path + ": " + response.body());
        }
        assertEquals(List.of(), api.jobs.submitted);
    }

    @Test
    void withAuthenticationOffEveryRouteIsOpen() throws Exception {
        api.close();
        api = new TestApi(options -> options.authRequired = false);

        assertEquals(200, api.send(api.anonymous("/api/v1/jobs").GET()).statusCode());
        assertEquals(200, api.send(api.anonymous("/pools").GET()).statusCode());
        assertEquals(200, api.send(api.anonymous("/api/v1/workers").header("Authorization", "Bearer wrong-token-but-unchecked")).statusCode());
    }
}
