package io.colony.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.colony.api.job.JobInfo;
import io.colony.api.job.JobSpec;
import io.colony.api.job.JobStatus;
import io.colony.api.job.TaskStatus;
import io.colony.http.internal.routing.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final TestApi api = new TestApi();

    @AfterEach
    void close() {
        api.close();
    }

    private JsonNode document() throws Exception {
        var response = api.get("/api/v1/openapi.json");
        assertEquals(200, response.statusCode());
        return api.json(response.body());
    }

    @Test
    void documentIsOpenApi31() throws Exception {
        JsonNode document = document();

        assertEquals("3.1.0", document.get("openapi").asText());
        assertEquals("Colony REST API", document.get("info").get("title").asText());
    }

    @Test
    void everyServedRouteIsDocumentedAndEveryDocumentedOperationIsServed() throws Exception {
        JsonNode paths = document().get("paths");
        Set<String> served = new TreeSet<>();
        for (Router.Route route : api.server.routes()) {
            served.add(route.method() + " " + route.pattern());
        }
        Set<String> documented = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(key -> {
            if (METHODS.contains(key)) {
                documented.add(key.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));

        assertEquals(served, documented);
        assertTrue(served.containsAll(Set.of("POST /job", "GET /pool/{id}", "GET /pools", "GET /workers", "PUT /kill/{id}")), served.toString());
    }

    @Test
    void everyOperationDescribesItsAnswersAndOnlyTheHealthCheckIsOpen() throws Exception {
        JsonNode paths = document().get("paths");
        List<String> open = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (METHODS.contains(operation.getKey())) {
                JsonNode responses = operation.getValue().get("responses");
                assertFalse(responses == null || responses.isEmpty(), operation.getKey() + " " + path.getKey() + " has no responses");
                JsonNode security = operation.getValue().get("security");
                if (security != null && security.isEmpty()) {
                    open.add(operation.getKey() + " " + path.getKey());
                } else {
                    assertTrue(responses.has("401"), operation.getKey() + " " + path.getKey() + " does not document 401");
                }
            }
        }));

        assertEquals(List.of("get /api/v1/health"), open);
    }

    @Test
    void theTaskSchemaDescribesEveryFieldATaskIsAnsweredWith() throws Exception {
        JsonNode schemas = document().get("components").get("schemas");
        api.jobs.put(new JobInfo("7", JobSpec.plugin("stats").build(), JobStatus.FAILED, FakeJobService.T0, FakeJobService.T0,
                FakeJobService.T0.plusSeconds(2), 1, Map.of(TaskStatus.SUCCEEDED, 1, TaskStatus.FAILED, 1), "task 1 failed"),
                FakeJobService.reportingTasks("7"));
        JsonNode tasks = api.json(api.get("/api/v1/jobs/7/tasks").body()).get("tasks");

        assertDescribed(schemas.get("Task"), tasks.get(0));
        assertDescribed(schemas.get("Task"), tasks.get(1));
        assertDescribed(schemas.get("TaskSetup"), tasks.get(0).get("setup"));
        for (JsonNode diagnostic : tasks.get(1).get("diagnostics")) {
            assertDescribed(schemas.get("SourceDiagnostic"), diagnostic);
        }
    }

    /** Every field of the answer is among the schema's properties, and every field the schema requires is there. */
    private static void assertDescribed(JsonNode schema, JsonNode answer) {
        Set<String> fields = new TreeSet<>();
        answer.fieldNames().forEachRemaining(fields::add);
        Set<String> properties = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        assertTrue(properties.containsAll(fields), "undocumented: " + fields + " beyond " + properties);
        schema.get("required").forEach(required -> assertTrue(fields.contains(required.asText()), required + " missing in " + answer));
    }

    @Test
    void everyReferenceResolves() throws Exception {
        JsonNode document = document();
        List<String> references = new ArrayList<>();
        collectReferences(document, references);

        assertFalse(references.isEmpty());
        for (String reference : references) {
            assertTrue(reference.startsWith("#/"), reference);
            JsonNode target = document.at(reference.substring(1));
            assertFalse(target.isMissingNode(), "unresolved " + reference);
        }
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("$ref")) {
                    references.add(field.getValue().asText());
                } else {
                    collectReferences(field.getValue(), references);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collectReferences(item, references));
        }
    }
}
