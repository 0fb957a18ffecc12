package io.colony.sandbox.internal.process.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.plugin.Payload;
import io.colony.api.source.Diagnostic;
import io.colony.api.source.Isolation;
import io.colony.api.source.LimitExceededException.Limit;
import io.colony.api.source.SandboxPolicy;
import io.colony.api.source.SourceCode;
import io.colony.sandbox.internal.compile.CompiledClasses;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrameProtocolTest {

    private static final FrameLimits ANY = type -> 1 << 20;

    @Test
    void framesWrittenAreReadBackInOrderAfterTheHello() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(bytes);
        writer.writeHello();
        writer.write(new Progress(0.25).toFrame());
        writer.write(new LogLine(Level.WARNING, "héllo").toFrame());
        writer.write(Frame.empty(FrameType.CANCEL_ACK));

        FrameReader reader = new FrameReader(new ByteArrayInputStream(bytes.toByteArray()), ANY);
        reader.readHello();
        assertEquals(0.25, Progress.from(reader.read().orElseThrow()).fraction());
        assertEquals(new LogLine(Level.WARNING, "héllo"), LogLine.from(reader.read().orElseThrow(), 100));
        assertEquals(FrameType.CANCEL_ACK, reader.read().orElseThrow().type());
        assertEquals(Optional.empty(), reader.read());
    }

    @Test
    void aHelloWithAnotherMagicOrVersionIsRefusedNamingIt() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DataOutputStream(bytes).writeInt(0x12345678);
        ProtocolException wrongMagic = assertThrows(ProtocolException.class,
                () -> new FrameReader(new ByteArrayInputStream(bytes.toByteArray()), ANY).readHello());
        assertTrue(wrongMagic.getMessage().contains("0x12345678"), wrongMagic.getMessage());

        bytes.reset();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(Protocol.MAGIC);
        out.writeShort(Protocol.VERSION + 1);
        ProtocolException wrongVersion = assertThrows(ProtocolException.class,
                () -> new FrameReader(new ByteArrayInputStream(bytes.toByteArray()), ANY).readHello());
        assertTrue(wrongVersion.getMessage().contains("version " + (Protocol.VERSION + 1)), wrongVersion.getMessage());
    }

    @Test
    void aFrameOverItsLimitIsRefusedBeforeItsBodyIsRead() throws IOException {
        byte[] header = header(FrameType.RESULT.code(), Integer.MAX_VALUE);
        FrameReader reader = new FrameReader(new ByteArrayInputStream(header), type -> type == FrameType.RESULT ? 1000 : -1);
        FrameTooLargeException e = assertThrows(FrameTooLargeException.class, reader::read);
        assertEquals(FrameType.RESULT, e.type());
        assertEquals(Integer.MAX_VALUE, e.length());
    }

    @Test
    void aNegativeLengthIsRefused() throws IOException {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(header(FrameType.LOG.code(), -1)), ANY);
        assertThrows(FrameTooLargeException.class, reader::read);
    }

    @Test
    void anUnknownTypeOrATypeNotAcceptedFromThisSideIsRefused() {
        FrameReader unknown = new FrameReader(new ByteArrayInputStream(header(99, 0)), ANY);
        assertTrue(assertThrows(ProtocolException.class, unknown::read).getMessage().contains("unknown frame type 99"));

        FrameReader notAccepted = new FrameReader(new ByteArrayInputStream(header(FrameType.RUN_REQUEST.code(), 0)),
                type -> type == FrameType.RUN_REQUEST ? -1 : 100);
        assertTrue(assertThrows(ProtocolException.class, notAccepted::read).getMessage().contains("RUN_REQUEST frame is not accepted"));
    }

    @Test
    void aStreamEndingInsideAFrameIsAProtocolErrorNotACleanEnd() {
        byte[] header = header(FrameType.LOG.code(), 10);
        FrameReader reader = new FrameReader(new ByteArrayInputStream(header), ANY);
        assertTrue(assertThrows(ProtocolException.class, reader::read).getMessage().contains("ended inside a LOG frame"));
    }

    @Test
    void aFieldLengthRunningPastTheFrameNamesTheField() {
        byte[] body = new BodyWriter().writeByte(Level.INFO.ordinal()).writeInt(50).toByteArray();
        ProtocolException e = assertThrows(ProtocolException.class, () -> LogLine.from(new Frame(FrameType.LOG, body), 100));
        assertTrue(e.getMessage().contains("LOG frame's text"), e.getMessage());
    }

    @Test
    void aFieldOverItsLimitIsRefused() {
        Frame frame = new LogLine(Level.INFO, "x".repeat(200)).toFrame();
        ProtocolException e = assertThrows(ProtocolException.class, () -> LogLine.from(frame, 100));
        assertTrue(e.getMessage().contains("length 200 not within 0..100"), e.getMessage());
    }

    @Test
    void bytesAfterTheLastFieldAreRefused() {
        byte[] body = new BodyWriter().writeDouble(0.5).writeInt(7).toByteArray();
        ProtocolException e = assertThrows(ProtocolException.class, () -> Progress.from(new Frame(FrameType.PROGRESS, body)));
        assertTrue(e.getMessage().contains("4 bytes after its last field"), e.getMessage());
    }

    @Test
    void malformedUtf8IsRefused() {
        byte[] body = new BodyWriter().writeByte(Level.INFO.ordinal()).writeBytes(new byte[] { (byte) 0xC3, (byte) 0x28 }).toByteArray();
        ProtocolException e = assertThrows(ProtocolException.class, () -> LogLine.from(new Frame(FrameType.LOG, body), 100));
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
    }

    @Test
    void progressOutsideZeroToOneOrNotANumberIsRefused() {
        for (double fraction : new double[] { -0.1, 1.5, Double.NaN }) {
            Frame frame = new Frame(FrameType.PROGRESS, new BodyWriter().writeDouble(fraction).toByteArray());
            assertThrows(ProtocolException.class, () -> Progress.from(frame), String.valueOf(fraction));
        }
    }

    @Test
    void aFailureKeepsItsKindLimitAndMessage() throws ProtocolException {
        Failure limit = Failure.limit(Limit.LOG_SIZE, "too much log");
        assertEquals(limit, Failure.from(limit.toFrame()));
        Failure plugin = Failure.of(Failure.Kind.PLUGIN, "demo.X threw java.lang.IllegalStateException: no");
        assertEquals(plugin, Failure.from(plugin.toFrame()));
    }

    @Test
    void aFailureWithAnUnknownLimitOrALimitWithoutTheKindIsRefused() {
        Frame unknownLimit = new Frame(FrameType.FAILURE, new BodyWriter().writeByte(Failure.Kind.LIMIT.ordinal()).writeByte(77)
                .writeString("x").toByteArray());
        assertThrows(ProtocolException.class, () -> Failure.from(unknownLimit));
        Frame limitWithoutKind = new Frame(FrameType.FAILURE, new BodyWriter().writeByte(Failure.Kind.PLUGIN.ordinal()).writeByte(1)
                .writeString("x").toByteArray());
        assertThrows(ProtocolException.class, () -> Failure.from(limitWithoutKind));
    }

    @Test
    void aLongFailureMessageIsCutNotRefused() throws ProtocolException {
        Failure failure = Failure.of(Failure.Kind.PLUGIN, "é".repeat(100_000));
        String message = Failure.from(failure.toFrame()).message();
        assertTrue(message.length() < 10_000 && message.endsWith("…"), "length " + message.length());
    }

    @Test
    void aCompileRequestCarriesTheSource() throws ProtocolException {
        SourceCode source = new SourceCode(Map.of("demo/A.java", "package demo; class A {}", "demo/B.java", "package demo; public class B {}"),
                "demo.B");
        CompileRequest request = new CompileRequest(source, Duration.ofSeconds(30));
        assertEquals(request, CompileRequest.from(request.toFrame()));
    }

    @Test
    void compiledClassesSurviveTheTrip() throws ProtocolException {
        CompiledClasses classes = new CompiledClasses(Map.of("demo.A", new byte[] { 1, 2 }, "demo.A$1", new byte[] { 3 }));
        CompiledClasses read = Compiled.from(new Compiled(classes).toFrame()).classes();
        assertEquals(classes.names(), read.names());
        assertArrayEquals(new byte[] { 1, 2 }, read.bytes("demo.A"));
        assertArrayEquals(new byte[] { 3 }, read.bytes("demo.A$1"));
    }

    @Test
    void aClassSentTwiceIsRefused() {
        BodyWriter body = new BodyWriter().writeInt(2).writeString("demo.A").writeBytes(new byte[1]).writeString("demo.A").writeBytes(new byte[1]);
        ProtocolException e = assertThrows(ProtocolException.class, () -> Compiled.from(new Frame(FrameType.COMPILED, body.toByteArray())));
        assertTrue(e.getMessage().contains("demo.A comes twice"), e.getMessage());
    }

    @Test
    void diagnosticsSurviveTheTrip() throws ProtocolException {
        CompilationFailed compilation = new CompilationFailed(List.of(new Diagnostic("ERROR", "demo/A.java", 3, 7, "';' expected"),
                new Diagnostic("WARNING", "", 0, 0, "note")));
        assertEquals(compilation, CompilationFailed.from(compilation.toFrame()));
    }

    @Test
    void aPayloadAndAPolicySurviveTheTrip() throws ProtocolException {
        BodyWriter out = new BodyWriter();
        Payload payload = Payload.of(new byte[] { 1, 2, 3 }, Payload.BINARY);
        SandboxPolicy policy = new SandboxPolicy(Isolation.PROCESS, Duration.ofMillis(1500).plusNanos(7), Duration.ofSeconds(3), 64L << 20,
                1000, 2000, List.of("java.util.BitSet"));
        Fields.writePayload(out, payload);
        Fields.writePolicy(out, policy);
        BodyReader in = new Frame(FrameType.RUN_REQUEST, out.toByteArray()).reader();
        Payload read = Fields.readPayload(in, "input", 10);
        assertArrayEquals(payload.bytes(), read.bytes());
        assertEquals(payload, read);
        assertEquals(policy, Fields.readPolicy(in));
        in.expectEnd();
    }

    @Test
    void aPolicyTheApiRejectsIsAProtocolErrorNamingTheReason() {
        BodyWriter out = new BodyWriter().writeString("process").writeDuration(Duration.ofSeconds(1)).writeDuration(Duration.ofSeconds(1))
                .writeLong(10).writeInt(1).writeInt(1).writeInt(0);
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> Fields.readPolicy(new Frame(FrameType.RUN_REQUEST, out.toByteArray()).reader()));
        assertTrue(e.getMessage().contains("memoryBytes"), e.getMessage());
    }

    private static byte[] header(int code, int length) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            out.writeByte(code);
            out.writeInt(length);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }
}
