package io.colony.shell.internal.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.admin.AdminProtocol;
import io.colony.api.admin.AdminProtocol.Frame;
import io.colony.api.admin.AdminProtocol.FrameType;
import io.colony.shell.internal.GogoShell;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AdminChannelTest {

    @TempDir
    Path data;

    private final TestCommands commands = new TestCommands();
    private final RecordingLog log = new RecordingLog();
    private GogoShell gogo;
    private AdminChannel channel;

    @BeforeEach
    void startGogo() {
        gogo = new GogoShell().with("test", commands);
    }

    @AfterEach
    void stop() {
        if (channel != null) {
            channel.close();
        }
        gogo.close();
    }

    private AdminChannel open(Map<String, ?> configuration) throws IOException {
        channel = AdminChannel.open(data, AdminSettings.read(configuration), gogo.processor(), log);
        return channel;
    }

    private byte[] secret() throws IOException {
        return HexFormat.of().parseHex(Files.readString(data.resolve(AdminProtocol.SECRET_FILE)).strip());
    }

    @Test
    void createsASecretOnlyItsOwnerCanReadAndWritesThePortFile() throws IOException {
        open(Map.of());
        Path secretFile = data.resolve(AdminProtocol.SECRET_FILE);
        assertTrue(Files.readString(secretFile).strip().matches("[0-9a-f]{64}"));
        if (DataFiles.supportsPosix()) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile)));
        }
        assertEquals(String.valueOf(channel.port()), Files.readString(data.resolve(AdminProtocol.PORT_FILE)).strip());
        assertTrue(channel.port() > 0);
    }

    @Test
    void keepsAnExistingSecret() throws IOException {
        open(Map.of());
        byte[] first = secret();
        channel.close();
        open(Map.of());
        assertArrayEquals(first, secret());
        try (AdminTestClient client = AdminTestClient.authenticated(channel.port(), first)) {
            assertEquals(0, client.exec("test:hello again").status());
        }
    }

    @Test
    void runsACommandOfAnAuthenticatedClient() throws IOException {
        open(Map.of());
        try (AdminTestClient client = AdminTestClient.connect(channel.port())) {
            Frame hello = client.read();
            assertEquals(FrameType.HELLO, hello.type());
            assertTrue(hello.text().matches("colony-admin/1 [0-9a-f]{32}"), hello.text());
            String nonce = hello.text().substring(AdminProtocol.GREETING.length());
            AdminProtocol.write(client.out, FrameType.AUTH, AdminProtocol.respond(secret(), nonce));
            assertEquals(FrameType.OK, client.read().type());

            assertEquals(new AdminTestClient.Outcome("hello world\n", "", 0), client.exec("test:hello world"));
        }
    }

    @Test
    void servesManyCommandsInOneSessionWithOutputOnTheRightStream() throws IOException {
        open(Map.of());
        try (AdminTestClient client = AdminTestClient.authenticated(channel.port(), secret())) {
            assertEquals(new AdminTestClient.Outcome("", "careful\n", 0), client.exec("test:warn careful"));
            assertEquals(new AdminTestClient.Outcome("42\n", "", 0), client.exec("test:answer"));
            assertEquals(new AdminTestClient.Outcome("no newline", "", 0), client.exec("test:partial"));
            assertEquals(new AdminTestClient.Outcome("", "", 0), client.exec(""));
        }
    }

    @Test
    void refusesAWrongAnswerAndLogsTheClientsAddress() throws IOException {
        open(Map.of());
        try (AdminTestClient client = AdminTestClient.connect(channel.port())) {
            Frame answer = client.authenticate("not the secret".getBytes(StandardCharsets.UTF_8));
            assertEquals(FrameType.ERROR, answer.type());
            assertEquals("authentication failed", answer.text());
            assertTrue(client.closedByServer());
        }
        assertTrue(log.contains("WARN", "authentication failed", "127.0.0.1"), log.lines.toString());
    }

    @Test
    void refusesACommandBeforeAuthentication() throws IOException {
        open(Map.of());
        try (AdminTestClient client = AdminTestClient.connect(channel.port())) {
            assertEquals(FrameType.HELLO, client.read().type());
            AdminProtocol.write(client.out, FrameType.EXEC, "test:hello sneaky");
            Frame answer = client.read();
            assertEquals(FrameType.ERROR, answer.type());
            assertEquals("protocol error: expected AUTH, got EXEC", answer.text());
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void disconnectsAClientThatDoesNotAuthenticateInTime() throws IOException {
        open(Map.of("auth.timeout.seconds", 1));
        try (AdminTestClient client = AdminTestClient.connect(channel.port())) {
            assertEquals(FrameType.HELLO, client.read().type());
            Frame answer = client.read();
            assertEquals(FrameType.ERROR, answer.type());
            assertEquals("authentication timed out after 1 s", answer.text());
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void reportsAFailingCommandsMessagesWithoutAStackTrace() throws IOException {
        open(Map.of());
        try (AdminTestClient client = AdminTestClient.authenticated(channel.port(), secret())) {
            AdminTestClient.Outcome outcome = client.exec("test:fail");
            assertEquals(1, outcome.status());
            assertEquals("it broke: disk on fire\n", outcome.err());
            assertFalse(outcome.err().contains("\tat "), outcome.err());
            assertEquals(0, client.exec("test:hello still-here").status());
        }
    }

    @Test
    void anUnknownCommandFailsWithGogosMessage() throws IOException {
        open(Map.of());
        try (AdminTestClient client = AdminTestClient.authenticated(channel.port(), secret())) {
            AdminTestClient.Outcome outcome = client.exec("nope:nothing");
            assertEquals(1, outcome.status());
            assertEquals("Command not found: nope:nothing\n", outcome.err());
        }
    }

    @Test
    void refusesAClientBeyondTheSessionLimitAndAdmitsOneWhenASessionEnds() throws Exception {
        open(Map.of("admin.sessions", 2));
        byte[] secret = secret();
        try (AdminTestClient first = AdminTestClient.authenticated(channel.port(), secret);
                AdminTestClient second = AdminTestClient.authenticated(channel.port(), secret)) {
            try (AdminTestClient third = AdminTestClient.connect(channel.port())) {
                Frame refusal = third.read();
                assertEquals(FrameType.ERROR, refusal.type());
                assertEquals("too many admin sessions (limit 2)", refusal.text());
                assertTrue(third.closedByServer());
            }
            first.close();
            assertEquals(0, eventuallyAdmitted(secret).exec("test:hello later").status());
            assertEquals(0, second.exec("test:hello second").status());
        }
    }

    @Test
    void closesTheSessionOfAClientThatSendsAnOversizedFrameAndServesTheNextClient() throws IOException {
        open(Map.of());
        try (AdminTestClient client = AdminTestClient.authenticated(channel.port(), secret())) {
            client.out.writeByte('X');
            client.out.writeInt(AdminProtocol.MAX_FRAME_BYTES + 1);
            client.out.flush();
            Frame answer = client.read();
            assertEquals(FrameType.ERROR, answer.type());
            assertTrue(answer.text().contains("frame length " + (AdminProtocol.MAX_FRAME_BYTES + 1)), answer.text());
            assertTrue(client.closedByServer());
        }
        try (AdminTestClient next = AdminTestClient.authenticated(channel.port(), secret())) {
            assertEquals(new AdminTestClient.Outcome("hello next\n", "", 0), next.exec("test:hello next"));
        }
        assertTrue(log.contains("WARN", "127.0.0.1", "frame length"), log.lines.toString());
    }

    @Test
    void closesTheSessionOfAClientThatSendsAnUnknownFrameType() throws IOException {
        open(Map.of());
        try (AdminTestClient client = AdminTestClient.authenticated(channel.port(), secret())) {
            client.out.write(new byte[] {'?', 0, 0, 0, 0});
            client.out.flush();
            Frame answer = client.read();
            assertEquals(FrameType.ERROR, answer.type());
            assertTrue(answer.text().contains("unknown frame type"), answer.text());
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void interruptsTheRunningCommandWhenItsClientGoesAway() throws Exception {
        open(Map.of());
        try (AdminTestClient client = AdminTestClient.authenticated(channel.port(), secret())) {
            AdminProtocol.write(client.out, FrameType.EXEC, "test:block");
            assertTrue(commands.blockStarted.await(5, TimeUnit.SECONDS));
        }
        assertTrue(commands.blockInterrupted.await(5, TimeUnit.SECONDS), "the command was not interrupted");
    }

    @Test
    void closingTheChannelDeletesThePortFileAndEndsItsSessions() throws IOException {
        open(Map.of());
        int port = channel.port();
        try (AdminTestClient client = AdminTestClient.authenticated(port, secret())) {
            channel.close();
            channel = null;
            assertFalse(Files.exists(data.resolve(AdminProtocol.PORT_FILE)));
            assertTrue(client.closedByServer());
        }
        assertThrows(ConnectException.class, () -> AdminTestClient.connect(port).close());
    }

    @Test
    void listensOnLoopbackOnly() throws IOException {
        open(Map.of());
        Optional<InetAddress> external = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
        try (AdminTestClient client = AdminTestClient.authenticated(channel.port(), secret())) {
            assertEquals(0, client.exec("test:hello loopback").status());
        }
        if (external.isPresent()) {
            try (Socket socket = new Socket()) {
                assertThrows(IOException.class,
                        () -> socket.connect(new InetSocketAddress(external.get(), channel.port()), 2000));
            }
        }
    }

    @Test
    void refusesToStartOnAPortInUseNamingIt() throws IOException {
        open(Map.of());
        int taken = channel.port();
        Path other = data.resolve("other");
        IOException error = assertThrows(IOException.class,
                () -> AdminChannel.open(other, AdminSettings.read(Map.of("admin.port", taken)), gogo.processor(), log));
        assertTrue(error.getMessage().startsWith("admin.port = " + taken + ": cannot listen on 127.0.0.1:" + taken),
                error.getMessage());
        assertFalse(Files.exists(other.resolve(AdminProtocol.PORT_FILE)));
    }

    private AdminTestClient eventuallyAdmitted(byte[] secret) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            try {
                return AdminTestClient.authenticated(channel.port(), secret);
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }
}
