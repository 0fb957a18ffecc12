package io.colony.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationValuesTest {

    private final ConfigurationValues values = ConfigurationValues.of("io.colony.test",
            Map.of("slots", " 4 ", "typed", 7L, "list", new String[] {"a", " b"}, "collection", List.of("x", "y"), "bad", "four"));

    @Test
    void readsWholeNumbersGivenAsTextOrNumbers() {
        assertEquals(4, values.integer("slots", 0, 0, 10));
        assertEquals(7, values.integer("typed", 0, 0, 10));
        assertEquals(3, values.integer("missing", 3, 0, 10));
    }

    @Test
    void malformedAndOutOfRangeNumbersNamePidKeyValueAndReason() {
        assertEquals("io.colony.test: bad = 'four': not a whole number",
                assertThrows(InvalidConfigurationException.class, () -> values.integer("bad", 0, 0, 10)).getMessage());
        assertEquals("io.colony.test: slots = ' 4 ': must be between 5 and 10",
                assertThrows(InvalidConfigurationException.class, () -> values.integer("slots", 5, 5, 10)).getMessage());
        assertEquals("io.colony.test: port = 'x': not a port",
                assertThrows(InvalidConfigurationException.class, () -> values.integer("port", "x", 1, 65535, "not a port")).getMessage());
    }

    @Test
    void textJoinsArraysAndCollections() {
        assertEquals("a,b", values.text("list", ""));
        assertEquals("x,y", values.text("collection", ""));
        assertEquals("4", values.text("slots", ""));
        assertEquals("default", values.text("missing", "default"));
    }

    @Test
    void readsBooleansStrictly() {
        ConfigurationValues flags = ConfigurationValues.of("io.colony.test", Map.of("on", " TRUE ", "off", Boolean.FALSE, "bad", "maybe"));
        assertEquals(true, flags.bool("on", false));
        assertEquals(false, flags.bool("off", true));
        assertEquals(true, flags.bool("missing", true));
        assertEquals("io.colony.test: bad = 'maybe': must be true or false",
                assertThrows(InvalidConfigurationException.class, () -> flags.bool("bad", false)).getMessage());
    }
}
