package io.colony.manager.internal.json;

import static io.colony.manager.internal.json.SpecFields.CHUNKS;
import static io.colony.manager.internal.json.SpecFields.COMMAND;
import static io.colony.manager.internal.json.SpecFields.DURABLE;
import static io.colony.manager.internal.json.SpecFields.MANIFEST;
import static io.colony.manager.internal.json.SpecFields.MANIFEST_BUNDLES;
import static io.colony.manager.internal.json.SpecFields.MANIFEST_DELETE_WHEN_DONE;
import static io.colony.manager.internal.json.SpecFields.MANIFEST_REPOSITORIES;
import static io.colony.manager.internal.json.SpecFields.PLUGIN;
import static io.colony.manager.internal.json.SpecFields.PLUGIN_NAME;
import static io.colony.manager.internal.json.SpecFields.PLUGIN_VERSION;
import static io.colony.manager.internal.json.SpecFields.PRIORITY;
import static io.colony.manager.internal.json.SpecFields.REPOSITORY_ID;
import static io.colony.manager.internal.json.SpecFields.REPOSITORY_URL;
import static io.colony.manager.internal.json.SpecFields.RESULT;
import static io.colony.manager.internal.json.SpecFields.RESULT_POST;
import static io.colony.manager.internal.json.SpecFields.RETRIES;
import static io.colony.manager.internal.json.SpecFields.SOURCE;
import static io.colony.manager.internal.json.SpecFields.SOURCE_ENTRY_CLASS;
import static io.colony.manager.internal.json.SpecFields.SOURCE_FILES;
import static io.colony.manager.internal.json.SpecFields.STRATEGY;
import static io.colony.manager.internal.json.SpecFields.TARGETS;
import static io.colony.manager.internal.json.SpecFields.TARGETS_QUERY;
import static io.colony.manager.internal.json.SpecFields.TARGETS_WORKERS;
import static io.colony.manager.internal.json.SpecFields.TASK_TIMEOUT;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.colony.api.job.JobSpec;
import io.colony.api.job.ResultAction;
import io.colony.api.job.Targets;
import io.colony.api.job.Work;

/** Writes the canonical JSON form of a spec: every field explicit, the input left out only when it is empty. */
final class SpecWriter {

    private SpecWriter() {
    }

    static ObjectNode write(JobSpec spec, ObjectMapper mapper) {
        ObjectNode json = mapper.createObjectNode();
        work(json, spec.work());
        Inputs.write(json, spec.input(), mapper);
        json.put(CHUNKS, spec.chunks());
        targets(json, spec.targets());
        json.put(STRATEGY, SpecReader.keyword(spec.strategy()));
        result(json, spec.result());
        json.put(TASK_TIMEOUT, Durations.format(spec.taskTimeout()));
        json.put(RETRIES, spec.retries());
        json.put(PRIORITY, spec.priority());
        json.put(DURABLE, spec.durable());
        return json;
    }

    private static void work(ObjectNode json, Work work) {
        if (work instanceof Work.CommandWork command) {
            json.put(COMMAND, command.commandLine());
        } else if (work instanceof Work.PluginWork plugin) {
            if (plugin.versionRange() == null) {
                json.put(PLUGIN, plugin.name());
            } else {
                json.putObject(PLUGIN).put(PLUGIN_NAME, plugin.name()).put(PLUGIN_VERSION, plugin.versionRange());
            }
            if (plugin.hasManifest()) {
                ObjectNode manifest = json.putObject(MANIFEST);
                plugin.manifest().bundles().forEach(manifest.putArray(MANIFEST_BUNDLES)::add);
                ArrayNode repositories = manifest.putArray(MANIFEST_REPOSITORIES);
                plugin.manifest().repositories().forEach(repository -> repositories.addObject()
                        .put(REPOSITORY_ID, repository.id()).put(REPOSITORY_URL, repository.url()));
                manifest.put(MANIFEST_DELETE_WHEN_DONE, plugin.manifest().deleteWhenDone());
            }
        } else if (work instanceof Work.SourceWork source) {
            ObjectNode object = json.putObject(SOURCE);
            ObjectNode files = object.putObject(SOURCE_FILES);
            source.source().files().forEach(files::put);
            object.put(SOURCE_ENTRY_CLASS, source.source().entryClass());
        } else {
            throw new IllegalArgumentException("work: no JSON form for " + work);
        }
    }

    private static void targets(ObjectNode json, Targets targets) {
        if (targets instanceof Targets.Any) {
            json.put(TARGETS, SpecReader.ANY);
        } else if (targets instanceof Targets.All) {
            json.put(TARGETS, SpecReader.ALL);
        } else if (targets instanceof Targets.Workers workers) {
            ArrayNode ids = json.putObject(TARGETS).putArray(TARGETS_WORKERS);
            workers.ids().forEach(ids::add);
        } else if (targets instanceof Targets.Query query) {
            json.putObject(TARGETS).put(TARGETS_QUERY, query.expression());
        } else {
            throw new IllegalArgumentException("targets: no JSON form for " + targets);
        }
    }

    private static void result(ObjectNode json, ResultAction result) {
        if (result instanceof ResultAction.Return) {
            json.put(RESULT, SpecReader.RETURN);
        } else if (result instanceof ResultAction.Keep) {
            json.put(RESULT, SpecReader.KEEP);
        } else if (result instanceof ResultAction.Post post) {
            json.putObject(RESULT).put(RESULT_POST, post.url().toString());
        } else {
            throw new IllegalArgumentException("result: no JSON form for " + result);
        }
    }
}
