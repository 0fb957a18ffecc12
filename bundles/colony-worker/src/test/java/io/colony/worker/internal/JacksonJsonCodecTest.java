package io.colony.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JacksonJsonCodecTest {

    record Range(long from, long to) { }

    record Scene(String name, List<Range> ranges) { }

    private final JacksonJsonCodec codec = new JacksonJsonCodec();

    @Test
    void decodesRecordsAndEncodesThemBack() throws PluginException {
        Scene scene = codec.decode(Payload.json("{\"name\":\"a\",\"ranges\":[{\"from\":1,\"to\":2}]}"), Scene.class);
        assertEquals(new Scene("a", List.of(new Range(1, 2))), scene);
        Payload encoded = codec.encode(scene);
        assertEquals(Payload.JSON, encoded.contentType());
        assertEquals("{\"name\":\"a\",\"ranges\":[{\"from\":1,\"to\":2}]}", encoded.asText());
    }

    @Test
    void decodesIntoMaps() throws PluginException {
        assertEquals(Map.of("x", 1), codec.decode(Payload.text("{\"x\":1}"), Map.class));
    }

    @Test
    void wrongTypeNamesTheFieldPath() {
        PluginException e = assertThrows(PluginException.class,
                () -> codec.decode(Payload.json("{\"name\":\"a\",\"ranges\":[{\"from\":1,\"to\":\"x\"}]}"), Scene.class));
        assertEquals("ranges[0].to: 'x' is not a valid number (long)", e.getMessage());
    }

    @Test
    void unknownFieldIsNamedWithTheKnownOnes() {
        PluginException e = assertThrows(PluginException.class, () -> codec.decode(Payload.json("{\"from\":1,\"to\":2,\"step\":3}"), Range.class));
        assertTrue(e.getMessage().startsWith("step: unknown field; known fields are"), e.getMessage());
        assertTrue(e.getMessage().contains("from"), e.getMessage());
    }

    @Test
    void missingOrNullPrimitiveIsNamed() {
        assertEquals("from: missing or null; a number (long) is required",
                assertThrows(PluginException.class, () -> codec.decode(Payload.json("{\"from\":null,\"to\":2}"), Range.class)).getMessage());
        assertEquals("to: missing or null; a number (long) is required",
                assertThrows(PluginException.class, () -> codec.decode(Payload.json("{\"from\":1}"), Range.class)).getMessage());
    }

    @Test
    void malformedJsonGivesLineAndColumn() {
        PluginException e = assertThrows(PluginException.class, () -> codec.decode(Payload.json("{\"from\":1,\n\"to\":}"), Range.class));
        assertTrue(e.getMessage().startsWith("input: malformed JSON at line 2, column 6: "), e.getMessage());
    }

    @Test
    void unclosedObjectIsNamedWithoutJacksonInternals() {
        PluginException e = assertThrows(PluginException.class, () -> codec.decode(Payload.json("{\"from\":1"), Range.class));
        assertEquals("input: malformed JSON at line 1, column 10: Unexpected end-of-input: expected close marker for Object", e.getMessage());
    }

    @Test
    void trailingGarbageIsRefused() {
        PluginException e = assertThrows(PluginException.class, () -> codec.decode(Payload.json("{\"from\":1,\"to\":2} extra"), Range.class));
        assertTrue(e.getMessage().startsWith("input: "), e.getMessage());
    }

    @Test
    void emptyAndBinaryInputsAreRefused() {
        assertEquals("input: expected JSON, got nothing",
                assertThrows(PluginException.class, () -> codec.decode(Payload.json(""), Range.class)).getMessage());
        assertEquals("input: expected JSON, got image/png",
                assertThrows(PluginException.class, () -> codec.decode(Payload.of(new byte[] {1}, Payload.PNG), Range.class)).getMessage());
    }
}
