package io.colony.manager.internal.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.colony.api.job.TaskResult;
import io.colony.api.plugin.Payload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** The result of a pool: one JSON object per task, as {@link io.colony.api.job.JobResult} documents. */
final class PoolResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PoolResults() {
    }

    static Payload of(List<TaskResult> tasks) {
        ArrayNode array = JSON.createArrayNode();
        for (TaskResult task : tasks) {
            ObjectNode node = array.addObject();
            node.put("index", task.index());
            node.put("worker", task.worker());
            node.put("status", task.status().name());
            node.put("contentType", task.output().contentType());
            node.set("output", output(task.output()));
            if (task.exitCode() == null) {
                node.putNull("exitCode");
            } else {
                node.put("exitCode", task.exitCode());
            }
            node.put("error", task.error());
        }
        return Payload.of(array.toString().getBytes(StandardCharsets.UTF_8), Payload.JSON);
    }

    /** JSON output embedded as JSON, text as a string, anything else as base64. */
    private static com.fasterxml.jackson.databind.JsonNode output(Payload payload) {
        if (payload.isJson() && payload.size() > 0) {
            try {
                return JSON.readTree(payload.bytes());
            } catch (IOException notJson) {
                return JSON.getNodeFactory().textNode(payload.asText());
            }
        }
        if (payload.isText()) {
            return JSON.getNodeFactory().textNode(payload.asText());
        }
        return JSON.getNodeFactory().textNode(Base64.getEncoder().encodeToString(payload.bytes()));
    }
}
