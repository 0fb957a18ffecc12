package io.colony.sandbox.internal.run;

import io.colony.api.source.SourceCode;

/** Sources of plugins for the tests: {@code demo.Main}, whose execute runs a body, with members beside it. */
public final class Programs {

    private Programs() {
    }

    public static SourceCode plugin(String body, String members) {
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
                "    }",
                members,
                "}"), "demo.Main");
    }

    public static SourceCode plugin(String body) {
        return plugin(body, "");
    }
}
