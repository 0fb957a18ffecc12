package io.colony.shell.internal.command;

import io.colony.worker.internal.JacksonJsonCodec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.colony.api.plugin.Payload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputPayloadsTest {

    @TempDir
    Path directory;

    private Payload parse(String... inputs) {
        return InputPayloads.parse(List.of(inputs), directory, new JacksonJsonCodec());
    }

    private String errorOf(String... inputs) {
        return assertThrows(IllegalArgumentException.class, () -> parse(inputs)).getMessage();
    }

    @Test
    void aJsonLiteralIsJson() {
        assertEquals(Payload.json("{\"from\":1,\"to\":1000}"), parse("{\"from\":1,\"to\":1000}"));
        assertEquals(Payload.json("[1, 2, 3]"), parse("[1, 2, 3]"));
    }

    @Test
    void malformedJsonIsReportedWithItsPosition() {
        assertEquals("input: not valid JSON: malformed JSON at line 1, column 10: Unexpected end-of-input: expected close marker for Object", errorOf("{\"from\":1"));
    }

    @Test
    void jsonThatGogoStrippedOfItsQuotesGetsAQuotingHint() {
        assertEquals("input: not valid JSON: malformed JSON at line 1, column 2: Unexpected character ('f' (code 102)): "
                + "was expecting double-quote to start field name "
                + "(in the Gogo shell, put JSON in single quotes: '{\"from\":1}')", errorOf("{from:1}"));
    }

    @Test
    void keyValuePairsBecomeAJsonObjectWithTypedValues() {
        assertEquals(Payload.json("{\"from\":1,\"to\":1000}"), parse("from=1", "to=1000"));
        assertEquals(Payload.json("{\"x\":-1500.0,\"on\":true,\"off\":false,\"none\":null,\"name\":\"Ada\",\"zip\":\"007\",\"empty\":\"\"}"),
                parse("x=-1.5e3", "on=true", "off=false", "none=null", "name=Ada", "zip=007", "empty="));
    }

    @Test
    void keyValueStringsAreEscapedAndJsonValuesKept() {
        assertEquals(Payload.json("{\"say\":\"a \\\"b\\\" \\\\ c=d\",\"box\":[1,2],\"half\":\"[1,\"}"),
                parse("say=a \"b\" \\ c=d", "box=[1,2]", "half=[1,"));
    }

    @Test
    void aSingleKeyValuePairIsAnObjectToo() {
        assertEquals(Payload.json("{\"size\":4}"), parse("size=4"));
    }

    @Test
    void aKeyGivenTwiceIsReported() {
        assertEquals("input: key 'from' is given twice", errorOf("from=1", "from=2"));
    }

    @Test
    void severalInputsMustAllBeKeyValuePairs() {
        assertEquals("input: 'hello' is not key=value; give one input, or key=value pairs only "
                + "(quote text that contains spaces)", errorOf("from=1", "hello"));
    }

    @Test
    void anythingElseIsText() {
        assertEquals(Payload.text("hello world"), parse("hello world"));
        assertEquals(Payload.text("=5"), parse("=5"));
        assertEquals(Payload.text("http://example.org/?q=1"), parse("http://example.org/?q=1"));
    }

    @Test
    void aFileIsReadWithTheContentTypeOfItsExtension() throws IOException {
        Files.writeString(directory.resolve("in.json"), "{\"a\":1}");
        Files.writeString(directory.resolve("in.txt"), "text");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        Files.write(directory.resolve("in.png"), png);
        Files.write(directory.resolve("in.dat"), new byte[] {1, 2});
        assertEquals(Payload.json("{\"a\":1}"), parse("@in.json"));
        assertEquals(Payload.text("text"), parse("@in.txt"));
        assertEquals(Payload.PNG, parse("@in.png").contentType());
        assertArrayEquals(png, parse("@in.png").bytes());
        assertEquals(Payload.of(new byte[] {1, 2}, Payload.BINARY), parse("@" + directory.resolve("in.dat")));
    }

    @Test
    void aMissingFileIsNamed() {
        assertEquals("input: @missing.json (" + directory.resolve("missing.json") + "): no such file", errorOf("@missing.json"));
        Path absolute = directory.resolve("nowhere.bin");
        assertEquals("input: @" + absolute + ": no such file", errorOf("@" + absolute));
    }

    @Test
    void aDirectoryOrNothingAfterTheAtIsReported() throws IOException {
        Files.createDirectory(directory.resolve("folder"));
        assertEquals("input: @folder (" + directory.resolve("folder") + ") is a directory, not a file", errorOf("@folder"));
        assertEquals("input: '@' must be followed by a file name, as in @input.json", errorOf("@"));
    }

    @Test
    void anUnreadableFileIsReported() throws IOException {
        Path locked = Files.writeString(directory.resolve("locked.txt"), "secret");
        assumeTrue(locked.toFile().setReadable(false) && !Files.isReadable(locked),
                "the file stays readable (running as root, or no file permissions here)");
        assertEquals("input: @locked.txt (" + locked + "): permission denied", errorOf("@locked.txt"));
    }

    @Test
    void aJsonFileThatIsNotJsonIsReported() throws IOException {
        Files.writeString(directory.resolve("bad.json"), "{\"a\":}");
        assertEquals("input: @bad.json (" + directory.resolve("bad.json") + ") is not valid JSON: malformed JSON at line 1, column 6: Unexpected character ('}' (code 125)): expected a value",
                errorOf("@bad.json"));
    }
}
