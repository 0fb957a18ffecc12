package io.colony.shell.internal.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FailureTextTest {

    @Test
    void findsTheMessageInFelixScrsStackTrace() {
        assertEquals("io.colony.node: http.port = 'eighty': not a port number (1..65535)",
                FailureText.summary(FakeComponentRuntime.NODE_FAILURE));
    }

    @Test
    void joinsTheMessagesOfWrapperAndCause() {
        String failure = """
                java.io.IOException: admin.port = 80: cannot listen on 127.0.0.1:80: Permission denied
                \tat io.colony.shell.internal.admin.AdminSocketServer.start(AdminSocketServer.java:70)
                Caused by: java.net.BindException: Permission denied
                \tat java.base/sun.nio.ch.Net.bind0(Native Method)
                \t... 12 more
                Caused by: java.lang.IllegalStateException: low ports need root
                \t... 13 more
                """;
        assertEquals("admin.port = 80: cannot listen on 127.0.0.1:80: Permission denied: low ports need root",
                FailureText.summary(failure));
    }

    @Test
    void keepsAMessageOfSeveralLinesAndSkipsSuppressedExceptions() {
        String failure = """
                java.lang.IllegalStateException: first line
                second line
                \tat a.b.C.d(C.java:1)
                \tSuppressed: java.lang.RuntimeException: while closing
                \t\tat a.b.C.e(C.java:2)
                """;
        assertEquals("first line\nsecond line", FailureText.summary(failure));
    }

    @Test
    void givesATextThatIsNoStackTraceAsItIsAndNothingForNone() {
        assertEquals("the activator said no\nbecause", FailureText.summary("the activator said no\nbecause\n"));
        assertEquals("", FailureText.summary(null));
        assertEquals("", FailureText.summary("  "));
    }

    @Test
    void namesTheExceptionWhenNoneHasAMessage() {
        assertEquals("java.lang.NullPointerException",
                FailureText.summary("java.lang.NullPointerException\n\tat a.b.C.d(C.java:1)\n"));
    }
}
