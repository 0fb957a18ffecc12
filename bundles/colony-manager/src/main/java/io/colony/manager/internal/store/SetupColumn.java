package io.colony.manager.internal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.colony.api.job.TaskSetup;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code tasks.setup} column: a manifest task's setup as JSON,
 * {@code {"artifacts": ["g:a:v", ...], "millis": 840, "fromCache": false}}, or NULL for a task without one.
 */
final class SetupColumn {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SetupColumn() {
    }

    static String write(TaskSetup setup) {
        if (setup == null) {
            return null;
        }
        ObjectNode node = JSON.createObjectNode();
        setup.artifacts().forEach(node.putArray("artifacts")::add);
        node.put("millis", setup.time().toMillis());
        node.put("fromCache", setup.fromCache());
        return node.toString();
    }

    /**
     * @throws StoreException when the column holds something else than {@link #write} writes
     */
    static TaskSetup read(String column) {
        if (column == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(column);
            List<String> artifacts = new ArrayList<>();
            node.required("artifacts").forEach(artifact -> artifacts.add(artifact.asText()));
            return new TaskSetup(artifacts, Duration.ofMillis(node.required("millis").asLong()), node.required("fromCache").asBoolean());
        } catch (JsonProcessingException e) {
            throw new StoreException("a task's setup in the store is not readable: " + column, new UncheckedIOException(e));
        } catch (IllegalArgumentException e) {
            throw new StoreException("a task's setup in the store is not readable: " + column, e);
        }
    }
}
