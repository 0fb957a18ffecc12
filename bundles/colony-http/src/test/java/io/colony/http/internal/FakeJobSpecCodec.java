package io.colony.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.colony.api.job.JobRejectedException;
import io.colony.api.job.JobSpec;
import io.colony.api.job.JobSpecCodec;
import io.colony.api.job.Targets;
import io.colony.api.job.Work;
import io.colony.api.plugin.Payload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Set;

/**
 * A small job spec codec with the real one's contract (INVALID naming the field, unknown fields
 * refused): {@code {"plugin": "<name>" | "command": "<line>", "input": <json>, "workers": ["<id>", ...]}}.
 */
final class FakeJobSpecCodec implements JobSpecCodec {

    private static final Set<String> FIELDS = Set.of("plugin", "command", "input", "workers");
    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public JobSpec read(byte[] json) throws JobRejectedException {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (IOException e) {
            throw JobRejectedException.invalid("", "not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw JobRejectedException.invalid("", "a job spec is a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw JobRejectedException.invalid(name, name + ": unknown field");
            }
        }
        JobSpec.Builder builder;
        if (root.has("plugin")) {
            builder = JobSpec.plugin(text(root, "plugin"));
        } else if (root.has("command")) {
            builder = JobSpec.command(text(root, "command"));
        } else {
            throw JobRejectedException.invalid("plugin", "plugin: a plugin or a command is required");
        }
        if (root.has("input")) {
            builder.input(Payload.json(root.get("input").toString()));
        }
        if (root.has("workers")) {
            builder.targets(Targets.workers(mapper.convertValue(root.get("workers"), String[].class)));
        }
        return builder.build();
    }

    private static String text(JsonNode root, String field) throws JobRejectedException {
        JsonNode node = root.get(field);
        if (!node.isTextual()) {
            throw JobRejectedException.invalid(field, field + ": must be a string");
        }
        return node.textValue();
    }

    @Override
    public byte[] write(JobSpec spec) {
        ObjectNode root = mapper.createObjectNode();
        if (spec.work() instanceof Work.PluginWork plugin) {
            root.put("plugin", plugin.name());
        } else {
            root.put("command", ((Work.CommandWork) spec.work()).commandLine());
        }
        if (spec.input().isJson()) {
            try {
                root.set("input", mapper.readTree(spec.input().bytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (spec.targets() instanceof Targets.Workers workers) {
            workers.ids().forEach(root.putArray("workers")::add);
        }
        try {
            return mapper.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
