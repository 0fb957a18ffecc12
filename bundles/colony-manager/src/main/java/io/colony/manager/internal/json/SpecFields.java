package io.colony.manager.internal.json;

import java.util.List;

/** The names of a job spec's JSON fields, shared by the reader and the writer. */
final class SpecFields {

    static final String PLUGIN = "plugin";
    static final String PLUGIN_NAME = "name";
    static final String PLUGIN_VERSION = "version";
    static final String MANIFEST = "manifest";
    static final String MANIFEST_BUNDLES = "bundles";
    static final String MANIFEST_REPOSITORIES = "repositories";
    static final String REPOSITORY_ID = "id";
    static final String REPOSITORY_URL = "url";
    static final String MANIFEST_DELETE_WHEN_DONE = "deleteWhenDone";
    static final String SOURCE = "source";
    static final String SOURCE_FILES = "files";
    static final String SOURCE_ENTRY_CLASS = "entryClass";
    static final String COMMAND = "command";
    static final String INPUT = "input";
    static final String INPUT_TEXT = "inputText";
    static final String INPUT_BASE64 = "inputBase64";
    static final String CONTENT_TYPE = "contentType";
    static final String CHUNKS = "chunks";
    static final String TARGETS = "targets";
    static final String TARGETS_WORKERS = "workers";
    static final String TARGETS_QUERY = "query";
    static final String STRATEGY = "strategy";
    static final String RESULT = "result";
    static final String RESULT_POST = "post";
    static final String TASK_TIMEOUT = "taskTimeout";
    static final String RETRIES = "retries";
    static final String PRIORITY = "priority";
    static final String DURABLE = "durable";

    /** Every top-level field, in the order the writer puts them. */
    static final List<String> TOP_LEVEL = List.of(PLUGIN, MANIFEST, SOURCE, COMMAND, INPUT, INPUT_TEXT, INPUT_BASE64, CONTENT_TYPE,
            CHUNKS, TARGETS, STRATEGY, RESULT, TASK_TIMEOUT, RETRIES, PRIORITY, DURABLE);

    /** The three ways to give the input, at most one of which a spec uses. */
    static final List<String> INPUT_FORMS = List.of(INPUT, INPUT_TEXT, INPUT_BASE64);

    private SpecFields() {
    }
}
