package io.colony.api.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PayloadTest {

    @Test
    void bytesAreCopiedInAndOutSoAPayloadCannotBeChangedFromOutside() {
        byte[] original = {1, 2, 3};
        Payload payload = Payload.of(original, Payload.BINARY);
        original[0] = 9;
        payload.bytes()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, payload.bytes());
    }

    @Test
    void textRoundTripsAsUtf8() {
        Payload payload = Payload.text("π ≈ 3.14");
        assertEquals("π ≈ 3.14", payload.asText());
        assertTrue(payload.isText());
        assertEquals("text/plain", payload.mediaType());
    }

    @Test
    void recognisesJsonMediaTypesWithParametersAndSuffixes() {
        assertTrue(Payload.json("{}").isJson());
        assertTrue(Payload.of(new byte[0], "application/json; charset=utf-8").isJson());
        assertTrue(Payload.of(new byte[0], "application/vnd.colony+json").isJson());
        assertFalse(Payload.text("{}").isJson());
    }

    @Test
    void rejectsAContentTypeThatIsNotTypeSlashSubtype() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> Payload.of(new byte[0], "png"));
        assertTrue(error.getMessage().contains("'png'"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Payload.of(new byte[0], "image/"));
    }

    @Test
    void equalityIsByContentTypeAndBytes() {
        assertEquals(Payload.text("a"), Payload.text("a"));
        assertFalse(Payload.text("a").equals(Payload.json("a")));
    }
}
