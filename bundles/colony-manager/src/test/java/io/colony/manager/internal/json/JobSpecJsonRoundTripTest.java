package io.colony.manager.internal.json;

import static io.colony.manager.internal.json.SpecJson.CODEC;
import static io.colony.manager.internal.json.SpecJson.json;
import static io.colony.manager.internal.json.SpecJson.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colony.api.job.JobRejectedException;
import io.colony.api.job.JobSpec;
import io.colony.api.job.ResultAction;
import io.colony.api.job.Strategy;
import io.colony.api.job.Targets;
import io.colony.api.plugin.Payload;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JobSpecJsonRoundTripTest {

    private static final byte[] PNG_HEADER = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d};

    @Test
    void writesTheDefaultsExplicitlyAndLeavesOutAnEmptyInput() {
        assertEquals(json("{'plugin':'primes','chunks':0,'targets':'any','strategy':'round-robin','result':'return',"
                + "'taskTimeout':'10m','retries':2,'priority':0,'durable':true}"), write(JobSpec.plugin("primes").build()));
    }

    @Test
    void writesAVersionRangeAsAPluginObject() {
        assertEquals(json("{'plugin':{'name':'primes','version':'[1.0,2)'},'chunks':0,'targets':'any',"
                + "'strategy':'round-robin','result':'return','taskTimeout':'10m','retries':2,'priority':0,'durable':true}"),
                write(JobSpec.plugin("primes", "[1.0,2)").build()));
    }

    @Test
    void embedsAJsonInputAsTheClientWroteIt() {
        JobSpec spec = JobSpec.plugin("primes").split(Payload.json("{\"limit\": 50000000, \"x\" : [1, 2.50]}"), 16)
                .build();
        assertEquals(json("{'plugin':'primes','input':{'limit': 50000000, 'x' : [1, 2.50]},'chunks':16,"
                + "'targets':'any','strategy':'round-robin','result':'return','taskTimeout':'10m','retries':2,"
                + "'priority':0,'durable':true}"), write(spec));
    }

    @Test
    void writesEveryOtherFieldInItsCanonicalForm() {
        JobSpec spec = JobSpec.command("uname -a")
                .input(Payload.text("hello"))
                .targets(Targets.workers("w1", "w2"))
                .strategy(Strategy.PLUGIN_AFFINITY)
                .result(new ResultAction.Post(URI.create("https://example.org/hook")))
                .taskTimeout(Duration.ofSeconds(90))
                .retries(0)
                .priority(-3)
                .build();
        assertEquals(json("{'command':'uname -a','inputText':'hello','chunks':0,'targets':{'workers':['w1','w2']},"
                + "'strategy':'plugin-affinity','result':{'post':'https://example.org/hook'},'taskTimeout':'90s',"
                + "'retries':0,'priority':-3,'durable':true}"), write(spec));
    }

    static Stream<Arguments> specs() {
        List<Arguments> specs = new ArrayList<>();
        specs.add(variant("plugin by name", JobSpec.plugin("primes")));
        specs.add(variant("plugin with a version range", JobSpec.plugin("primes", "[1.0,2)")));
        specs.add(variant("plugin with a single version", JobSpec.plugin("mandelbrot", "1.2.3")));
        specs.add(variant("plugin from a manifest", JobSpec.plugin("stats", "[1,2)", new io.colony.api.deploy.Manifest(
                List.of("io.colony.plugins:colony-plugin-stats:1.0.0", "org.apache.commons:commons-math3:3.6.1"),
                List.of(new io.colony.api.deploy.MavenRepository("samples", "file:///srv/plugins-repo/repository"),
                        new io.colony.api.deploy.MavenRepository("central", "https://repo.maven.apache.org/maven2")), false))));
        specs.add(variant("command", JobSpec.command("uname -a && echo \"done\"")));
        specs.add(variant("json object input", JobSpec.plugin("p").input(Payload.json("{\"a\":{\"b\":[1,2,{}]}}"))));
        specs.add(variant("json input with white space inside",
                JobSpec.plugin("p").input(Payload.json("{ \"a\" :\n [ 1 , 2.50, -3e10 ] }"))));
        specs.add(variant("json string input", JobSpec.plugin("p").input(Payload.json("\"just \\\"text\\\" \\u00e9\""))));
        specs.add(variant("json number input", JobSpec.plugin("p").input(Payload.json("123456789012345678901234567890.5"))));
        specs.add(variant("json true input", JobSpec.plugin("p").input(Payload.json("true"))));
        specs.add(variant("json null input", JobSpec.plugin("p").input(Payload.json("null"))));
        specs.add(variant("json array input", JobSpec.plugin("p").input(Payload.json("[]"))));
        specs.add(variant("text input", JobSpec.plugin("p").input(Payload.text("héllo\n\t\"world\" \u0001 \uD83D\uDE00"))));
        specs.add(variant("empty text input", JobSpec.plugin("p").input(Payload.text(""))));
        specs.add(variant("binary input", JobSpec.plugin("p").input(Payload.of(PNG_HEADER, Payload.PNG))));
        specs.add(variant("empty binary input of a type", JobSpec.plugin("p").input(Payload.of(new byte[0], Payload.PNG))));
        specs.add(variant("json with surrounding white space",
                JobSpec.plugin("p").input(Payload.json(" {\"a\":1}\n"))));
        specs.add(variant("two json values", JobSpec.plugin("p").input(Payload.json("{} {}"))));
        specs.add(variant("json with a duplicate key", JobSpec.plugin("p").input(Payload.json("{\"a\":1,\"a\":2}"))));
        specs.add(variant("json that is not json", JobSpec.plugin("p").input(Payload.json("{\"a\":"))));
        specs.add(variant("zero bytes of json", JobSpec.plugin("p").input(Payload.json(""))));
        specs.add(variant("json with a charset", JobSpec.plugin("p")
                .input(Payload.of("{}".getBytes(StandardCharsets.UTF_8), "application/json; charset=utf-8"))));
        specs.add(variant("vendor json", JobSpec.plugin("p")
                .input(Payload.of("{}".getBytes(StandardCharsets.UTF_8), "application/vnd.colony+json"))));
        specs.add(variant("csv text", JobSpec.plugin("p")
                .input(Payload.of("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "text/csv"))));
        specs.add(variant("text that is not utf-8", JobSpec.plugin("p")
                .input(Payload.of(new byte[] {'a', (byte) 0xff}, Payload.TEXT))));
        specs.add(variant("json nested as deep as allowed", JobSpec.plugin("p").input(Payload.json(nestedArrays(999)))));
        specs.add(variant("json nested deeper than allowed", JobSpec.plugin("p").input(Payload.json(nestedArrays(1000)))));
        specs.add(variant("split workload", JobSpec.plugin("primes").split(Payload.json("{\"limit\":100}"), 16)));
        specs.add(variant("most chunks", JobSpec.plugin("primes").split(Payload.empty(), JobSpec.MAX_CHUNKS)));
        specs.add(variant("all workers", JobSpec.command("ls").targets(Targets.all())));
        specs.add(variant("listed workers", JobSpec.command("ls").targets(Targets.workers("w1", "w2", "w-3"))));
        specs.add(variant("query", JobSpec.plugin("p").targets(Targets.query("cores >= 4 && data.gpu == true"))));
        for (Strategy strategy : Strategy.values()) {
            specs.add(variant("strategy " + strategy, JobSpec.plugin("p").strategy(strategy)));
        }
        specs.add(variant("keep result", JobSpec.plugin("p").result(new ResultAction.Keep())));
        specs.add(variant("post result", JobSpec.plugin("p")
                .result(new ResultAction.Post(URI.create("http://hooks.example.org:8080/jobs?token=a%20b")))));
        for (Duration timeout : List.of(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(2),
                Duration.ofMillis(500), Duration.ofSeconds(90), Duration.ofMillis(1500), Duration.ofNanos(1500),
                Duration.ofSeconds(61, 1), Duration.ofDays(7), Duration.ofHours(25))) {
            specs.add(variant("timeout " + timeout, JobSpec.plugin("p").taskTimeout(timeout)));
        }
        specs.add(variant("no retries", JobSpec.plugin("p").retries(0)));
        specs.add(variant("most retries", JobSpec.plugin("p").retries(JobSpec.MAX_RETRIES)));
        specs.add(variant("highest priority", JobSpec.plugin("p").priority(Integer.MAX_VALUE)));
        specs.add(variant("lowest priority", JobSpec.plugin("p").priority(Integer.MIN_VALUE)));
        return specs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void readsBackWhatItWrites(String variant, JobSpec spec) throws JobRejectedException {
        assertEquals(spec, CODEC.read(CODEC.write(spec)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void writesWhatItReadsBackUnchanged(String variant, JobSpec spec) throws JobRejectedException {
        byte[] written = CODEC.write(spec);
        assertEquals(new String(written, StandardCharsets.UTF_8),
                new String(CODEC.write(CODEC.read(written)), StandardCharsets.UTF_8));
    }

    static Stream<Arguments> inputForms() {
        return Stream.of(
                Arguments.of(Payload.json("{\"a\":1}"), "input"),
                Arguments.of(Payload.json("[1, 2]"), "input"),
                Arguments.of(Payload.text("hello"), "inputText"),
                Arguments.of(Payload.of(PNG_HEADER, Payload.PNG), "inputBase64"),
                Arguments.of(Payload.json(" {}"), "inputBase64"),
                Arguments.of(Payload.json("{\"a\":1,\"a\":2}"), "inputBase64"),
                Arguments.of(Payload.json(nestedArrays(1000)), "inputBase64"),
                Arguments.of(Payload.of("{}".getBytes(StandardCharsets.UTF_8), "application/vnd.colony+json"), "inputBase64"),
                Arguments.of(Payload.of("a,b".getBytes(StandardCharsets.UTF_8), "text/csv"), "inputBase64"),
                Arguments.of(Payload.of(new byte[] {(byte) 0xc3}, Payload.TEXT), "inputBase64"));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("inputForms")
    void writesEachInputInTheFormThatReadsBackEqual(Payload input, String field) throws IOException {
        JsonNode written = new ObjectMapper().readTree(CODEC.write(JobSpec.plugin("p").input(input).build()));
        List<String> inputFields = new ArrayList<>();
        written.fieldNames().forEachRemaining(name -> {
            if (SpecFields.INPUT_FORMS.contains(name)) {
                inputFields.add(name);
            }
        });
        assertEquals(List.of(field), inputFields);
        assertEquals(field.equals("inputBase64"), written.has("contentType"));
    }

    private static Arguments variant(String name, JobSpec.Builder builder) {
        return Arguments.of(name, builder.build());
    }

    /** {@code [[...[]...]]}, that many arrays deep. */
    static String nestedArrays(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }
}
