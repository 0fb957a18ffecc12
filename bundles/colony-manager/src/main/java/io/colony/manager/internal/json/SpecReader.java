package io.colony.manager.internal.json;

import static io.colony.manager.internal.json.SpecFields.CHUNKS;
import static io.colony.manager.internal.json.SpecFields.COMMAND;
import static io.colony.manager.internal.json.SpecFields.DURABLE;
import static io.colony.manager.internal.json.SpecFields.MANIFEST;
import static io.colony.manager.internal.json.SpecFields.PLUGIN;
import static io.colony.manager.internal.json.SpecFields.PLUGIN_NAME;
import static io.colony.manager.internal.json.SpecFields.PLUGIN_VERSION;
import static io.colony.manager.internal.json.SpecFields.PRIORITY;
import static io.colony.manager.internal.json.SpecFields.RESULT;
import static io.colony.manager.internal.json.SpecFields.RESULT_POST;
import static io.colony.manager.internal.json.SpecFields.RETRIES;
import static io.colony.manager.internal.json.SpecFields.SOURCE;
import static io.colony.manager.internal.json.SpecFields.STRATEGY;
import static io.colony.manager.internal.json.SpecFields.TARGETS;
import static io.colony.manager.internal.json.SpecFields.TARGETS_QUERY;
import static io.colony.manager.internal.json.SpecFields.TARGETS_WORKERS;
import static io.colony.manager.internal.json.SpecFields.TASK_TIMEOUT;

import com.fasterxml.jackson.databind.JsonNode;
import io.colony.api.job.JobRejectedException;
import io.colony.api.deploy.Manifest;
import io.colony.api.job.JobSpec;
import io.colony.api.job.ResultAction;
import io.colony.api.job.Strategy;
import io.colony.api.job.Targets;
import io.colony.api.job.Work;
import io.colony.api.plugin.Payload;
import io.colony.manager.internal.placement.WorkerQuery;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.VersionRange;

/** Turns the fields of a {@link SpecBody} into a {@link JobSpec}, failing on the first field that is not valid. */
final class SpecReader {

    static final String ANY = "any";
    static final String ALL = "all";
    static final String RETURN = "return";
    static final String KEEP = "keep";

    /** "field.path: reason", the form of the messages of the model's constructors. */
    private static final Pattern FIELD_PREFIX = Pattern.compile("([A-Za-z][A-Za-z0-9_.\\[\\]]*): ");
    private static final String QUERY_PREFIX = "query: ";

    private final Map<String, JsonNode> fields;

    private SpecReader(Map<String, JsonNode> fields) {
        this.fields = fields;
    }

    static JobSpec read(SpecBody body) throws JobRejectedException {
        for (String name : body.fields().keySet()) {
            if (!SpecFields.TOP_LEVEL.contains(name)) {
                throw JsonValues.unknownField("", name, SpecFields.TOP_LEVEL);
            }
        }
        return new SpecReader(body.fields()).spec(body);
    }

    private JobSpec spec(SpecBody body) throws JobRejectedException {
        Work work = work();
        Payload input = Inputs.read(body);
        int chunks = integer(CHUNKS, 0);
        Targets targets = fields.containsKey(TARGETS) ? targets(fields.get(TARGETS)) : Targets.any();
        Strategy strategy = fields.containsKey(STRATEGY) ? strategy(fields.get(STRATEGY)) : Strategy.ROUND_ROBIN;
        ResultAction result = fields.containsKey(RESULT) ? result(fields.get(RESULT)) : new ResultAction.Return();
        Duration taskTimeout = fields.containsKey(TASK_TIMEOUT)
                ? TaskTimeouts.read(fields.get(TASK_TIMEOUT), TASK_TIMEOUT)
                : JobSpec.DEFAULT_TASK_TIMEOUT;
        int retries = integer(RETRIES, JobSpec.DEFAULT_RETRIES);
        int priority = integer(PRIORITY, 0);
        boolean durable = !fields.containsKey(DURABLE) || JsonValues.bool(fields.get(DURABLE), DURABLE);
        try {
            return new JobSpec(work, input, chunks, targets, strategy, result, taskTimeout, retries, priority, durable);
        } catch (IllegalArgumentException e) {
            throw rejected(e);
        }
    }

    /** The model's "field: reason" message, as a rejection of that field. */
    private static JobRejectedException rejected(IllegalArgumentException e) {
        return rejected("", e);
    }

    /** The model's "field: reason" message, as a rejection of that field inside the object at {@code path}. */
    static JobRejectedException rejected(String path, IllegalArgumentException e) {
        String message = String.valueOf(e.getMessage());
        Matcher prefix = FIELD_PREFIX.matcher(message);
        String field = prefix.lookingAt() ? prefix.group(1) : "";
        return new JobRejectedException(JobRejectedException.Reason.INVALID, path.isEmpty() ? field : JsonValues.field(path, field),
                path.isEmpty() ? message : path + "." + message, e);
    }

    private int integer(String name, int absent) throws JobRejectedException {
        JsonNode value = fields.get(name);
        return value == null ? absent : JsonValues.integer(value, name);
    }

    private Work work() throws JobRejectedException {
        JsonNode plugin = fields.get(PLUGIN);
        JsonNode command = fields.get(COMMAND);
        JsonNode source = fields.get(SOURCE);
        if (plugin != null && command != null) {
            throw JsonValues.invalid(COMMAND, "not allowed together with plugin; a job runs either a plugin or a command");
        }
        if (source != null) {
            if (plugin != null || command != null) {
                throw JsonValues.invalid(SOURCE, "not allowed together with " + (plugin != null ? PLUGIN : COMMAND)
                        + "; a job runs a plugin, source or a command");
            }
            if (fields.containsKey(MANIFEST)) {
                throw JsonValues.invalid(MANIFEST, "only for a plugin job; a source job's code is in its source");
            }
            return new Work.SourceWork(SourceReader.read(source));
        }
        if (command != null) {
            if (fields.containsKey(MANIFEST)) {
                throw JsonValues.invalid(MANIFEST, "only for a plugin job; a command runs on the workers as it is");
            }
            return new Work.CommandWork(JsonValues.nonBlankText(command, COMMAND));
        }
        if (plugin == null) {
            throw JsonValues.invalid(PLUGIN, "required: a job runs a plugin (\"plugin\": \"name\"), Java source "
                    + "(\"source\": {\"files\": {...}, \"entryClass\": \"...\"}) or a command (\"command\": \"...\")");
        }
        Manifest manifest = fields.containsKey(MANIFEST) ? ManifestReader.read(fields.get(MANIFEST)) : null;
        if (plugin.isTextual()) {
            return new Work.PluginWork(JsonValues.nonBlankText(plugin, PLUGIN), null, manifest);
        }
        if (!plugin.isObject()) {
            throw JsonValues.wrongType(PLUGIN, "a string or an object", plugin);
        }
        JsonValues.requireKnownFields(plugin, PLUGIN, List.of(PLUGIN_NAME, PLUGIN_VERSION));
        String namePath = JsonValues.field(PLUGIN, PLUGIN_NAME);
        String name = JsonValues.nonBlankText(JsonValues.required(plugin, PLUGIN_NAME, namePath), namePath);
        return new Work.PluginWork(name, plugin.has(PLUGIN_VERSION) ? versionRange(plugin.get(PLUGIN_VERSION)) : null, manifest);
    }

    private static String versionRange(JsonNode value) throws JobRejectedException {
        String path = JsonValues.field(PLUGIN, PLUGIN_VERSION);
        String text = JsonValues.nonBlankText(value, path);
        try {
            new VersionRange(text);
        } catch (IllegalArgumentException e) {
            throw JsonValues.invalid(path, "not an OSGi version range such as \"[1.0,2)\" or \"1.2\": "
                    + JsonValues.quote(text));
        }
        return text;
    }

    private static Targets targets(JsonNode value) throws JobRejectedException {
        if (value.isTextual()) {
            String keyword = value.textValue().toLowerCase(Locale.ROOT);
            if (keyword.equals(ANY)) {
                return Targets.any();
            }
            if (keyword.equals(ALL)) {
                return Targets.all();
            }
        }
        if (!value.isObject()) {
            throw JsonValues.invalid(TARGETS, "expected \"any\", \"all\", {\"workers\": [...]} or {\"query\": \"...\"}, got "
                    + JsonValues.given(value));
        }
        JsonValues.requireKnownFields(value, TARGETS, List.of(TARGETS_WORKERS, TARGETS_QUERY));
        if (value.size() != 1) {
            throw JsonValues.invalid(TARGETS, "give exactly one of workers or query");
        }
        return value.has(TARGETS_WORKERS) ? workers(value.get(TARGETS_WORKERS)) : query(value.get(TARGETS_QUERY));
    }

    private static Targets workers(JsonNode value) throws JobRejectedException {
        String path = JsonValues.field(TARGETS, TARGETS_WORKERS);
        if (!value.isArray()) {
            throw JsonValues.wrongType(path, "an array of worker ids", value);
        }
        if (value.isEmpty()) {
            throw JsonValues.invalid(path, "name at least one worker");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String id = JsonValues.nonBlankText(value.get(i), JsonValues.element(path, i));
            if (ids.contains(id)) {
                throw JsonValues.invalid(JsonValues.element(path, i), "names worker " + JsonValues.quote(id)
                        + " again (first at [" + ids.indexOf(id) + "])");
            }
            ids.add(id);
        }
        return new Targets.Workers(ids);
    }

    private static Targets query(JsonNode value) throws JobRejectedException {
        String path = JsonValues.field(TARGETS, TARGETS_QUERY);
        String expression = JsonValues.nonBlankText(value, path);
        try {
            WorkerQuery.parse(expression);
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            throw JsonValues.invalid(path, message.startsWith(QUERY_PREFIX) ? message.substring(QUERY_PREFIX.length()) : message);
        }
        return Targets.query(expression);
    }

    private static Strategy strategy(JsonNode value) throws JobRejectedException {
        String text = JsonValues.text(value, STRATEGY);
        String name = text.toUpperCase(Locale.ROOT).replace('-', '_');
        List<String> known = new ArrayList<>();
        for (Strategy strategy : Strategy.values()) {
            if (strategy.name().equals(name)) {
                return strategy;
            }
            known.add(keyword(strategy));
        }
        throw JsonValues.invalid(STRATEGY, "unknown strategy " + JsonValues.quote(text) + "; known strategies: "
                + String.join(", ", known));
    }

    /** A strategy as written in JSON: {@code least-loaded}. */
    static String keyword(Strategy strategy) {
        return strategy.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static ResultAction result(JsonNode value) throws JobRejectedException {
        if (value.isTextual()) {
            String keyword = value.textValue().toLowerCase(Locale.ROOT);
            if (keyword.equals(RETURN)) {
                return new ResultAction.Return();
            }
            if (keyword.equals(KEEP)) {
                return new ResultAction.Keep();
            }
        }
        if (!value.isObject()) {
            throw JsonValues.invalid(RESULT, "expected \"return\", \"keep\" or {\"post\": \"https://...\"}, got "
                    + JsonValues.given(value));
        }
        JsonValues.requireKnownFields(value, RESULT, List.of(RESULT_POST));
        String path = JsonValues.field(RESULT, RESULT_POST);
        return new ResultAction.Post(postUrl(JsonValues.nonBlankText(JsonValues.required(value, RESULT_POST, path), path), path));
    }

    private static URI postUrl(String text, String path) throws JobRejectedException {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw JsonValues.invalid(path, "not a URL: " + e.getReason() + " at index " + e.getIndex());
        }
        String scheme = url.getScheme();
        if ((!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) || url.getHost() == null) {
            throw JsonValues.invalid(path, "must be an http or https URL with a host, was " + JsonValues.quote(text));
        }
        return url;
    }
}
