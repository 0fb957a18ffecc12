package io.colony.sandbox.internal.verify;

import io.colony.api.source.SourceCode;
import io.colony.api.source.Violation;
import io.colony.sandbox.internal.compile.SourceCompiler;
import io.colony.sandbox.internal.compile.TestApi;
import java.util.List;
import java.util.stream.Collectors;

/** Compiles small sources and verifies them. */
final class VerifierFixture {

    static final SourceCompiler COMPILER = TestApi.compiler();

    private VerifierFixture() {
    }

    /** A plugin demo.Main whose execute runs {@code body}, with {@code members} beside it. */
    static SourceCode plugin(String body, String members) {
        return SourceCode.of("demo/Main.java", String.join("\n",
                "package demo;",
                "import io.colony.api.plugin.*;",
                "import java.util.*;",
                "import java.util.function.*;",
                "import java.util.stream.*;",
                "public class Main implements Plugin {",
                "    @Override",
                "    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {",
                body,
                "        return Payload.text(\"ok\");",
                "    }",
                members,
                "}"), "demo.Main");
    }

    static SourceCode plugin(String body) {
        return plugin(body, "");
    }

    static List<Violation> violations(SourceCode source, List<String> extensions) throws Exception {
        return new BytecodeVerifier(Allowlist.builtIn().extendedWith(extensions)).verify(COMPILER.compile(source), source.entryClass());
    }

    static List<Violation> violations(SourceCode source) throws Exception {
        return violations(source, List.of());
    }

    static String describe(List<Violation> violations) {
        return violations.stream().map(Violation::toString).collect(Collectors.joining("\n"));
    }
}
