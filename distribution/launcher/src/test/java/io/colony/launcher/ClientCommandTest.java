package io.colony.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.colony.api.admin.AdminProtocol;
import io.colony.api.admin.AdminProtocol.FrameType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientCommandTest {

    private static final String SECRET = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path root;

    private NodeHome home;
    private FakeAdminServer server;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    /** "fail" fails with a message on ERR; "slow" takes two seconds; anything else is echoed on OUT. */
    private static int script(String commandLine, DataOutputStream out) throws IOException, InterruptedException {
        switch (commandLine) {
            case "fail" -> {
                AdminProtocol.write(out, FrameType.ERR, "it failed\n");
                return AdminProtocol.STATUS_FAILED;
            }
            case "slow" -> {
                Thread.sleep(2000);
                return AdminProtocol.STATUS_OK;
            }
            default -> {
                AdminProtocol.write(out, FrameType.OUT, "ran " + commandLine + "\n");
                return AdminProtocol.STATUS_OK;
            }
        }
    }

    @BeforeEach
    void startServer() throws IOException {
        home = new NodeHome(root);
        server = new FakeAdminServer(SECRET, ClientCommandTest::script);
        server.publish(home, SECRET + "\n");
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    private ClientCommand client(String stdin, boolean interactive) {
        return new ClientCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8), interactive);
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void commandOutputGoesToStdout() throws Exception {
        int status = client("", false).run(home, List.of("colony:plugins"), TIMEOUT);

        assertEquals(0, status);
        assertEquals("ran colony:plugins\n", out());
        assertEquals("", err());
    }

    @Test
    void failedCommandsErrorsGoToStderrAndItsStatusIsReturned() throws Exception {
        int status = client("", false).run(home, List.of("fail"), TIMEOUT);

        assertEquals(AdminProtocol.STATUS_FAILED, status);
        assertEquals("", out());
        assertEquals("it failed\n", err());
    }

    @Test
    void severalWordsAreSentAsOneQuotedCommandLine() throws Exception {
        client("", false).run(home, List.of("colony:run", "primes", "{\"from\":1,\"to\":100}"), TIMEOUT);

        assertEquals(List.of("colony:run primes '{\"from\":1,\"to\":100}'"), server.commands());
    }

    @Test
    void oneWordIsSentAsTheWholeCommandLine() throws Exception {
        client("", false).run(home, List.of("colony:plugins | grep primes"), TIMEOUT);

        assertEquals(List.of("colony:plugins | grep primes"), server.commands());
    }

    @Test
    void linesFromStdinRunOneByOneUntilExit() throws Exception {
        int status = client("first\n\nfail\nexit\nnever\n", false).run(home, List.of(), TIMEOUT);

        assertEquals(List.of("first", "fail"), server.commands());
        assertEquals(AdminProtocol.STATUS_FAILED, status);
        assertEquals("ran first\n", out());
    }

    @Test
    void endOfInputEndsTheSession() throws Exception {
        int status = client("first\n", false).run(home, List.of(), TIMEOUT);

        assertEquals(0, status);
        assertEquals(List.of("first"), server.commands());
    }

    @Test
    void interactiveSessionPromptsOnStderr() throws Exception {
        client("first\n", true).run(home, List.of(), TIMEOUT);

        assertEquals(ClientCommand.PROMPT + ClientCommand.PROMPT, err());
    }

    @Test
    void wrongSecretIsReportedAsAuthenticationFailure() throws Exception {
        Files.writeString(home.secretFile(), "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100\n");

        LauncherException failure = assertThrows(LauncherException.class, () -> client("", false).run(home, List.of("x"), TIMEOUT));

        assertEquals("authentication failed: wrong answer to the challenge", failure.getMessage());
        assertEquals(List.of(), server.commands());
    }

    @Test
    void missingPortFileMeansNoNodeRuns() throws Exception {
        Files.delete(home.portFile());

        LauncherException failure = assertThrows(LauncherException.class, () -> client("", false).run(home, List.of("x"), TIMEOUT));

        assertEquals("no node is running in " + root + " (no " + home.portFile() + ")", failure.getMessage());
    }

    @Test
    void stalePortFileIsReportedAsConnectionRefused() throws Exception {
        int closedPort;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = gone.getLocalPort();
        }
        Files.writeString(home.portFile(), closedPort + "\n");

        LauncherException failure = assertThrows(LauncherException.class, () -> client("", false).run(home, List.of("x"), TIMEOUT));

        assertEquals("the node in " + root + " is not running (connection refused on port " + closedPort + ")", failure.getMessage());
    }

    @Test
    void secretThatIsNotHexIsReported() throws Exception {
        Files.writeString(home.secretFile(), "not hex\n");

        LauncherException failure = assertThrows(LauncherException.class, () -> client("", false).run(home, List.of("x"), TIMEOUT));

        assertEquals(home.secretFile() + ": not an admin secret (expected at least 32 hex digits)", failure.getMessage());
    }

    @Test
    void malformedPortFileIsReported() throws Exception {
        Files.writeString(home.portFile(), "eighty\n");

        LauncherException failure = assertThrows(LauncherException.class, () -> client("", false).run(home, List.of("x"), TIMEOUT));

        assertEquals(home.portFile() + ": 'eighty' is not a port number", failure.getMessage());
    }

    @Test
    void commandThatRunsTooLongTimesOut() {
        LauncherException failure = assertThrows(LauncherException.class,
                () -> client("", false).run(home, List.of("slow"), Duration.ofSeconds(1)));

        assertEquals("the command did not finish within 1 s: slow", failure.getMessage());
    }
}
