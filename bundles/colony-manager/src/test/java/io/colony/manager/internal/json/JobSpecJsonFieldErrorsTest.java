package io.colony.manager.internal.json;

import static io.colony.manager.internal.json.SpecJson.assertRejected;
import static io.colony.manager.internal.json.SpecJson.rejection;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.job.JobRejectedException;
import org.junit.jupiter.api.Test;

class JobSpecJsonFieldErrorsTest {

    @Test
    void unknownFieldIsNamedWithTheKnownOnes() {
        assertRejected("{'plugin': 'primes', 'inputs': {}}", "inputs", "inputs: unknown field 'inputs'; known fields:"
                + " plugin, manifest, source, command, input, inputText, inputBase64, contentType, chunks, targets, strategy, result,"
                + " taskTimeout, retries, priority, durable");
    }

    @Test
    void unknownNestedFieldIsNamedByItsPath() {
        assertAll(
                () -> assertRejected("{'plugin': {'name': 'primes', 'versions': '1.0'}}", "plugin.versions",
                        "plugin.versions: unknown field 'versions'; known fields: name, version"),
                () -> assertRejected("{'plugin': 'primes', 'targets': {'worker': ['a']}}", "targets.worker",
                        "targets.worker: unknown field 'worker'; known fields: workers, query"),
                () -> assertRejected("{'plugin': 'primes', 'result': {'url': 'https://example.org'}}", "result.url",
                        "result.url: unknown field 'url'; known fields: post"));
    }

    @Test
    void wrongTypesNameTheExpectedType() {
        assertAll(
                () -> assertRejected("{'plugin': 'p', 'retries': '2'}", "retries", "retries: expected an integer, got a string"),
                () -> assertRejected("{'plugin': 'p', 'priority': 1.5}", "priority",
                        "priority: expected an integer, got a decimal number"),
                () -> assertRejected("{'plugin': 'p', 'chunks': true}", "chunks", "chunks: expected an integer, got a boolean"),
                () -> assertRejected("{'plugin': 'p', 'retries': null}", "retries", "retries: expected an integer, got null"),
                () -> assertRejected("{'command': 5}", "command", "command: expected a string, got an integer"),
                () -> assertRejected("{'plugin': ['p']}", "plugin", "plugin: expected a string or an object, got an array"),
                () -> assertRejected("{'plugin': {'name': {}}}", "plugin.name", "plugin.name: expected a string, got an object"),
                () -> assertRejected("{'plugin': 'p', 'inputText': {}}", "inputText", "inputText: expected a string, got an object"),
                () -> assertRejected("{'plugin': 'p', 'strategy': 1}", "strategy", "strategy: expected a string, got an integer"),
                () -> assertRejected("{'plugin': 'p', 'targets': 3}", "targets",
                        "targets: expected 'any', 'all', {'workers': [...]} or {'query': '...'}, got 3".replace('\'', '"')),
                () -> assertRejected("{'plugin': 'p', 'result': []}", "result",
                        "result: expected 'return', 'keep' or {'post': 'https://...'}, got an array".replace('\'', '"')),
                () -> assertRejected("{'plugin': 'p', 'taskTimeout': false}", "taskTimeout",
                        "taskTimeout: expected a duration such as '30s' or a number of seconds, got a boolean".replace('\'', '"')),
                () -> assertRejected("{'plugin': 'p', 'durable': 'no'}", "durable", "durable: expected true or false, got a string"));
    }

    @Test
    void aJobKeptUntilDeletedMustBeDurable() {
        assertRejected("{'plugin': 'p', 'result': 'keep', 'durable': false}", "durable",
                "durable: a job whose result is kept until it is deleted must be durable");
    }

    @Test
    void manifestErrorsNameTheirFieldInsideTheManifest() {
        String repository = "'repositories': [{'id': 'samples', 'url': 'file:/srv/repo'}]";
        assertAll(
                () -> assertRejected("{'plugin': 'stats', 'manifest': []}", "manifest",
                        "manifest: expected an object with bundles, repositories and deleteWhenDone, got an array"),
                () -> assertRejected("{'plugin': 'stats', 'manifest': {" + repository + "}}", "manifest.bundles", "manifest.bundles: required"),
                () -> assertRejected("{'plugin': 'stats', 'manifest': {'bundles': ['g:a:1.0', 'g:a'], " + repository + "}}",
                        "manifest.bundles[1]", "manifest.bundles[1]: 'g:a' are not Maven coordinates: expected group:artifact:version"),
                () -> assertRejected("{'plugin': 'stats', 'manifest': {'bundles': ['g:a:1.0'], 'repositories': [{'id': 'x', 'url': 'ftp://h/r'}]}}",
                        "manifest.repositories[0].url", "manifest.repositories[0].url: 'ftp://h/r' must be a file:, http: or https: URL"),
                () -> assertRejected("{'plugin': 'stats', 'manifest': {'bundles': ['g:a:1.0'], 'repositories': []}}",
                        "manifest.repositories", "manifest.repositories: name at least one repository (id and url)"),
                () -> assertRejected("{'plugin': 'stats', 'manifest': {'bundles': ['g:a:1.0'], " + repository + ", 'deleteWhenDone': 'no'}}",
                        "manifest.deleteWhenDone", "manifest.deleteWhenDone: expected true or false, got a string"),
                () -> assertRejected("{'command': 'ls', 'manifest': {'bundles': ['g:a:1.0'], " + repository + "}}",
                        "manifest", "manifest: only for a plugin job; a command runs on the workers as it is"));
    }

    @Test
    void integersBeyondAnIntAreRefused() {
        assertAll(
                () -> assertRejected("{'plugin': 'p', 'retries': 3000000000}", "retries",
                        "retries: 3000000000 is out of range (-2147483648 to 2147483647)"),
                () -> assertRejected("{'plugin': 'p', 'priority': -2147483649}", "priority",
                        "priority: -2147483649 is out of range (-2147483648 to 2147483647)"),
                () -> assertRejected("{'plugin': 'p', 'chunks': 123456789012345678901234567890}", "chunks",
                        "chunks: 123456789012345678901234567890 is out of range (-2147483648 to 2147483647)"));
    }

    @Test
    void pluginAndCommandTogetherAreRefused() {
        assertRejected("{'plugin': 'p', 'command': 'ls'}", "command",
                "command: not allowed together with plugin; a job runs either a plugin or a command");
    }

    @Test
    void specWithoutPluginOrCommandIsRefused() {
        assertRejected("{'retries': 1}", "plugin",
                "plugin: required: a job runs a plugin ('plugin': 'name'), Java source ('source': {'files': {...}, 'entryClass': '...'})"
                        .replace('\'', '"') + " or a command (\"command\": \"...\")");
    }

    @Test
    void sourceFieldsAreCheckedAndNamed() {
        assertAll(
                () -> assertRejected("{'source': {'files': {'demo/A.java': 'class A {}'}, 'entryClass': 'demo.A'}, 'plugin': 'p'}", "source",
                        "source: not allowed together with plugin; a job runs a plugin, source or a command"),
                () -> assertRejected("{'source': 'class A {}'}", "source",
                        "source: expected an object with files and entryClass, got a string"),
                () -> assertRejected("{'source': {'files': {'demo/A.java': 'class A {}'}}}", "source.entryClass",
                        "source.entryClass: required"),
                () -> assertRejected("{'source': {'files': {'demo/A.java': 7}, 'entryClass': 'demo.A'}}", "source.files.demo/A.java",
                        "source.files.demo/A.java: expected a string, got an integer"),
                () -> assertRejected("{'source': {'files': {'/etc/passwd': 'x'}, 'entryClass': 'demo.A'}}", "source.files",
                        "source.files: '/etc/passwd' is not a source path (Java identifiers separated by '/', ending in .java, e.g. demo/Squares.java)"),
                () -> assertRejected("{'source': {'files': {}, 'entryClass': 'demo.A'}}", "source.files",
                        "source.files: at least one .java file is required"),
                () -> assertRejected("{'source': {'files': {'demo/A.java': 'x'}, 'entryClass': 'demo.A;'}}", "source.entryClass",
                        "source.entryClass: 'demo.A;' is not a class name such as demo.Squares"),
                () -> assertRejected("{'source': {'files': {'demo/A.java': 'x'}, 'entryClass': 'demo.A', 'main': 'x'}}", "source.main",
                        "source.main: unknown field 'main'; known fields: files, entryClass"),
                () -> assertRejected("{'source': {'files': {'demo/A.java': 'x'}, 'entryClass': 'demo.A'}, 'chunks': 4}", "chunks",
                        "chunks: a source job cannot be split (the manager never runs a job's source); submit one job per chunk, "
                                + "or name the workers for a pool"));
    }

    @Test
    void blankNamesAndCommandsAreRefused() {
        assertAll(
                () -> assertRejected("{'plugin': ' '}", "plugin", "plugin: must be a non-empty string"),
                () -> assertRejected("{'plugin': {'name': ''}}", "plugin.name", "plugin.name: must be a non-empty string"),
                () -> assertRejected("{'plugin': {'version': '1.0'}}", "plugin.name", "plugin.name: required"),
                () -> assertRejected("{'command': ''}", "command", "command: must be a non-empty string"));
    }

    @Test
    void versionThatIsNotAnOsgiRangeIsRefused() {
        assertRejected("{'plugin': {'name': 'p', 'version': '[1.0,2'}}", "plugin.version",
                "plugin.version: not an OSGi version range such as \"[1.0,2)\" or \"1.2\": '[1.0,2'");
    }

    @Test
    void twoInputFormsAreRefusedNamingTheSecond() {
        assertAll(
                () -> assertRejected("{'plugin': 'p', 'input': {}, 'inputText': 'x'}", "inputText",
                        "inputText: not allowed together with input; give at most one of input, inputText, inputBase64"),
                () -> assertRejected("{'plugin': 'p', 'inputBase64': 'eA==', 'contentType': 'a/b', 'inputText': 'x'}",
                        "inputBase64", "inputBase64: not allowed together with inputText; give at most one of input,"
                                + " inputText, inputBase64"),
                () -> assertRejected("{'plugin': 'p', 'input': null, 'inputBase64': 'eA==', 'contentType': 'a/b'}",
                        "inputBase64", "inputBase64: not allowed together with input; give at most one of input,"
                                + " inputText, inputBase64"));
    }

    @Test
    void base64NeedsAContentType() {
        assertRejected("{'plugin': 'p', 'inputBase64': 'eA=='}", "contentType", "contentType: required with inputBase64");
    }

    @Test
    void contentTypeGoesOnlyWithBase64() {
        assertRejected("{'plugin': 'p', 'inputText': 'x', 'contentType': 'text/csv'}", "contentType",
                "contentType: only allowed with inputBase64 (input is application/json, inputText is text/plain;"
                        + " charset=utf-8)");
    }

    @Test
    void malformedBase64IsRefused() {
        JobRejectedException rejection = rejection("{'plugin': 'p', 'inputBase64': 'not*base64', 'contentType': 'a/b'}");
        assertEquals("inputBase64", rejection.field());
        assertTrue(rejection.getMessage().startsWith("inputBase64: not valid base64: "), rejection.getMessage());
    }

    @Test
    void contentTypeThatIsNotAMediaTypeIsRefused() {
        assertAll(
                () -> assertRejected("{'plugin': 'p', 'inputBase64': '', 'contentType': 'png'}", "contentType",
                        "contentType: not a media type such as \"image/png\" or \"text/csv; charset=utf-8\": 'png'"),
                () -> assertRejected("{'plugin': 'p', 'inputBase64': '', 'contentType': 'text/plain\\r\\nX-Evil: 1'}",
                        "contentType", "contentType: not a media type such as \"image/png\" or"
                                + " \"text/csv; charset=utf-8\": 'text/plain\r\nX-Evil: 1'"),
                () -> assertRejected("{'plugin': 'p', 'inputBase64': '', 'contentType': 'a/" + "b".repeat(300) + "'}",
                        "contentType", "contentType: longer than 255 characters"));
    }

    @Test
    void retriesOutOfRangeAreRefused() {
        assertAll(
                () -> assertRejected("{'plugin': 'p', 'retries': -1}", "retries", "retries: must be from 0 to 100, was -1"),
                () -> assertRejected("{'plugin': 'p', 'retries': 101}", "retries", "retries: must be from 0 to 100, was 101"));
    }

    @Test
    void chunksOutOfRangeOrWithACommandAreRefused() {
        assertAll(
                () -> assertRejected("{'plugin': 'p', 'chunks': -1}", "chunks", "chunks: must be from 0 to 100000, was -1"),
                () -> assertRejected("{'plugin': 'p', 'chunks': 100001}", "chunks",
                        "chunks: must be from 0 to 100000, was 100001"),
                () -> assertRejected("{'command': 'ls', 'chunks': 4}", "chunks",
                        "chunks: a command cannot be split; name the workers to run it on"));
    }

    @Test
    void postUrlMustBeHttpWithAHost() {
        assertAll(
                () -> assertRejected("{'plugin': 'p', 'result': {'post': 'ftp://example.org/x'}}", "result.post",
                        "result.post: must be an http or https URL with a host, was 'ftp://example.org/x'"),
                () -> assertRejected("{'plugin': 'p', 'result': {'post': 'https:/no-host'}}", "result.post",
                        "result.post: must be an http or https URL with a host, was 'https:/no-host'"),
                () -> {
                    // the reason and its index come from java.net.URI, whose parser differs between JDKs (8 on 17, 11 on 25)
                    JobRejectedException rejection = rejection("{'plugin': 'p', 'result': {'post': 'https://exa mple.org'}}");
                    assertEquals("result.post", rejection.field());
                    assertTrue(rejection.getMessage().matches("result\\.post: not a URL: Illegal character in authority at index \\d+"),
                            rejection.getMessage());
                },
                () -> assertRejected("{'plugin': 'p', 'result': {}}", "result.post", "result.post: required"),
                () -> assertRejected("{'plugin': 'p', 'result': 'discard'}", "result",
                        "result: expected \"return\", \"keep\" or {\"post\": \"https://...\"}, got 'discard'"));
    }

    @Test
    void workerListMustNameWorkersOnce() {
        assertAll(
                () -> assertRejected("{'command': 'ls', 'targets': {'workers': []}}", "targets.workers",
                        "targets.workers: name at least one worker"),
                () -> assertRejected("{'command': 'ls', 'targets': {'workers': 'w1'}}", "targets.workers",
                        "targets.workers: expected an array of worker ids, got a string"),
                () -> assertRejected("{'command': 'ls', 'targets': {'workers': ['w1', '']}}", "targets.workers[1]",
                        "targets.workers[1]: must be a non-empty string"),
                () -> assertRejected("{'command': 'ls', 'targets': {'workers': ['w1', 2]}}", "targets.workers[1]",
                        "targets.workers[1]: expected a string, got an integer"),
                () -> assertRejected("{'command': 'ls', 'targets': {'workers': ['w1', 'w2', 'w1']}}", "targets.workers[2]",
                        "targets.workers[2]: names worker 'w1' again (first at [0])"));
    }

    @Test
    void targetsObjectNeedsExactlyWorkersOrQuery() {
        assertAll(
                () -> assertRejected("{'command': 'ls', 'targets': {}}", "targets", "targets: give exactly one of workers or query"),
                () -> assertRejected("{'command': 'ls', 'targets': {'workers': ['a'], 'query': 'cores > 1'}}", "targets",
                        "targets: give exactly one of workers or query"),
                () -> assertRejected("{'command': 'ls', 'targets': 'some'}", "targets",
                        "targets: expected \"any\", \"all\", {\"workers\": [...]} or {\"query\": \"...\"}, got 'some'"));
    }

    @Test
    void queryIsCheckedWhereItIsWritten() {
        assertAll(
                () -> assertRejected("{'plugin': 'p', 'targets': {'query': 'cores >= '}}", "targets.query",
                        "targets.query: at 10: expected a value after '>=', found end of input"),
                () -> assertRejected("{'plugin': 'p', 'targets': {'query': ' '}}", "targets.query",
                        "targets.query: must be a non-empty string"));
    }

    @Test
    void unknownStrategyListsTheKnownOnes() {
        assertRejected("{'plugin': 'p', 'strategy': 'fastest'}", "strategy",
                "strategy: unknown strategy 'fastest'; known strategies: round-robin, least-loaded, plugin-affinity");
    }
}
