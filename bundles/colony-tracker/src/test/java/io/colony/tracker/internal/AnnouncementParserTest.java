package io.colony.tracker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.colony.api.node.Role;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnnouncementParserTest {

    private final AnnouncementParser parser = new AnnouncementParser(JsonBodies.strictMapper());

    private Announcement parse(String json) throws InvalidRequestException {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8), "192.0.2.7");
    }

    private String error(String json) {
        return assertThrows(InvalidRequestException.class, () -> parse(json)).getMessage();
    }

    @Test
    void readsEveryField() throws Exception {
        Announcement a = parse("""
                {"id":"node-1.a_b","cluster":"prod","roles":["worker","manager"],"port":7000,"addr":"10.1.2.3","data":{"gpu":"a100"}}""");

        assertEquals(new Announcement("node-1.a_b", "prod", EnumSet.of(Role.MANAGER, Role.WORKER), "10.1.2.3", 7000, Map.of("gpu", "a100")), a);
        assertEquals(List.of(Role.MANAGER, Role.WORKER), List.copyOf(a.roles()));
    }

    @Test
    void addrDefaultsToTheRemoteAddress() throws Exception {
        assertEquals("192.0.2.7", parse("{\"id\":\"n\",\"cluster\":\"c\",\"roles\":[\"worker\"],\"port\":1}").addr());
        assertEquals("192.0.2.7", parse("{\"id\":\"n\",\"cluster\":\"c\",\"roles\":[\"worker\"],\"port\":1,\"addr\":null}").addr());
    }

    @Test
    void ignoresFieldsTheProtocolDoesNotDefine() throws Exception {
        assertEquals(Set.of(Role.TRACKER), parse("{\"id\":\"n\",\"cluster\":\"c\",\"roles\":[\"tracker\"],\"port\":65535,\"version\":2}").roles());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            missing id           | {"cluster":"c","roles":["worker"],"port":1}                                | id: required
            id not a string      | {"id":5,"cluster":"c","roles":["worker"],"port":1}                         | id: must be a string
            id empty             | {"id":"","cluster":"c","roles":["worker"],"port":1}                        | id: must be 1 to 63 characters of A-Z a-z 0-9 . _ -
            id with a space      | {"id":"a b","cluster":"c","roles":["worker"],"port":1}                     | id: must be 1 to 63 characters of A-Z a-z 0-9 . _ -
            id of 64 characters  | {"id":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","cluster":"c","roles":["worker"],"port":1} | id: must be 1 to 63 characters of A-Z a-z 0-9 . _ -
            missing cluster      | {"id":"n","roles":["worker"],"port":1}                                     | cluster: required
            cluster with slash   | {"id":"n","cluster":"a/b","roles":["worker"],"port":1}                     | cluster: must be 1 to 63 characters of A-Z a-z 0-9 . _ -
            missing roles        | {"id":"n","cluster":"c","port":1}                                          | roles: required
            empty roles          | {"id":"n","cluster":"c","roles":[],"port":1}                               | roles: must be a non-empty array of "manager", "worker", "tracker"
            roles not an array   | {"id":"n","cluster":"c","roles":"worker","port":1}                         | roles: must be a non-empty array of "manager", "worker", "tracker"
            unknown role         | {"id":"n","cluster":"c","roles":["worker","boss"],"port":1}                | roles: unknown role 'boss' (expected "manager", "worker" or "tracker")
            role in capitals     | {"id":"n","cluster":"c","roles":["WORKER"],"port":1}                       | roles: unknown role 'WORKER' (expected "manager", "worker" or "tracker")
            missing port         | {"id":"n","cluster":"c","roles":["worker"]}                                | port: required
            port zero            | {"id":"n","cluster":"c","roles":["worker"],"port":0}                       | port: must be a whole number between 1 and 65535
            port too large       | {"id":"n","cluster":"c","roles":["worker"],"port":65536}                   | port: must be a whole number between 1 and 65535
            port as text         | {"id":"n","cluster":"c","roles":["worker"],"port":"7000"}                  | port: must be a whole number between 1 and 65535
            port fractional      | {"id":"n","cluster":"c","roles":["worker"],"port":7000.5}                  | port: must be a whole number between 1 and 65535
            addr not a host      | {"id":"n","cluster":"c","roles":["worker"],"port":1,"addr":"a b"}          | addr: must be a host name or IP address (1 to 253 characters of A-Z a-z 0-9 . : % _ -)
            addr not a string    | {"id":"n","cluster":"c","roles":["worker"],"port":1,"addr":7}              | addr: must be a host name or IP address (1 to 253 characters of A-Z a-z 0-9 . : % _ -)
            data not an object   | {"id":"n","cluster":"c","roles":["worker"],"port":1,"data":[]}             | data: must be an object of strings
            data value a number  | {"id":"n","cluster":"c","roles":["worker"],"port":1,"data":{"k":1}}        | data.k: must be a string
            data overrides id    | {"id":"n","cluster":"c","roles":["worker"],"port":1,"data":{"id":"x"}}     | data.id: reserved key (id, cluster and roles are set by the tracker)
            data overrides cluster | {"id":"n","cluster":"c","roles":["worker"],"port":1,"data":{"cluster":"x"}} | data.cluster: reserved key (id, cluster and roles are set by the tracker)
            data overrides roles | {"id":"n","cluster":"c","roles":["worker"],"port":1,"data":{"roles":"x"}}  | data.roles: reserved key (id, cluster and roles are set by the tracker)
            data key with space  | {"id":"n","cluster":"c","roles":["worker"],"port":1,"data":{"a b":"x"}}    | data: key 'a b' must be 1 to 63 characters of A-Z a-z 0-9 . _ -
            not JSON             | {"id":                                                                     | body: not valid JSON
            empty body           | ``                                                                         | body: must be a JSON object
            an array             | [1,2]                                                                      | body: must be a JSON object
            trailing garbage     | {"id":"n","cluster":"c","roles":["worker"],"port":1} x                     | body: not valid JSON
            duplicate key        | {"id":"n","id":"m","cluster":"c","roles":["worker"],"port":1}              | body: not valid JSON
            """)
    void badFieldIsNamedWithTheReason(String description, String json, String expected) {
        String message = error(json == null ? "" : json);
        if (expected.startsWith("body: not valid JSON")) {
            assertEquals(expected, message.substring(0, Math.min(message.length(), expected.length())), message);
        } else {
            assertEquals(expected, message);
        }
    }

    @Test
    void userDataEntryMustFitOneTxtString() {
        String value = "v".repeat(AnnouncementParser.MAX_DATA_ENTRY_BYTES);
        assertEquals("data.k: key=value must fit in 255 bytes of UTF-8",
                error("{\"id\":\"n\",\"cluster\":\"c\",\"roles\":[\"worker\"],\"port\":1,\"data\":{\"k\":\"" + value + "\"}}"));
    }

    @Test
    void userDataHasABoundedNumberOfEntries() {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i <= AnnouncementParser.MAX_DATA_ENTRIES; i++) {
            data.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        assertEquals("data: at most 64 entries",
                error("{\"id\":\"n\",\"cluster\":\"c\",\"roles\":[\"worker\"],\"port\":1,\"data\":{" + data + "}}"));
    }
}
