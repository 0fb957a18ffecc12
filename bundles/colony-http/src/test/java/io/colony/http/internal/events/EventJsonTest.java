package io.colony.http.internal.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    @Test
    void writesEventAdminPropertyTypesAsJson() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("text", "a\nb");
        properties.put("int", 3);
        properties.put("long", 1L << 40);
        properties.put("double", 0.5);
        properties.put("nan", Double.NaN);
        properties.put("flag", true);
        properties.put("strings", new String[] {"x", "y"});
        properties.put("ints", new int[] {1, 2});
        properties.put("list", List.of("z"));
        properties.put("map", Map.of("k", 1));
        properties.put("instant", Instant.parse("2025-01-02T03:04:05Z"));
        properties.put("date", Date.from(Instant.parse("2025-01-02T03:04:05Z")));
        properties.put("none", null);

        assertEquals("{\"text\":\"a\\nb\",\"int\":3,\"long\":1099511627776,\"double\":0.5,\"nan\":\"NaN\",\"flag\":true,"
                + "\"strings\":[\"x\",\"y\"],\"ints\":[1,2],\"list\":[\"z\"],\"map\":{\"k\":1},"
                + "\"instant\":\"2025-01-02T03:04:05Z\",\"date\":\"2025-01-02T03:04:05Z\",\"none\":null}",
                EventJson.properties(properties).toString());
    }

    @Test
    void deepNestingIsCutToText() {
        Object nested = "bottom";
        for (int i = 0; i < EventJson.MAX_DEPTH + 2; i++) {
            nested = List.of(nested);
        }

        JsonNode node = EventJson.properties(Map.of("deep", nested)).get("deep");
        int arrays = 0;
        while (node.isArray()) {
            node = node.get(0);
            arrays++;
        }

        assertEquals(EventJson.MAX_DEPTH, arrays);
        assertEquals("[[bottom]]", node.textValue());
    }
}
