package io.colony.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.util.NetUtil;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpSettingsTest {

    private static final String TOKEN = "abcdefghijklmnop0123";

    @Test
    void defaultsMatchTheDocumentedOnes() {
        assertEquals(new HttpSettings("0.0.0.0", 22581, 16 * 1024 * 1024, List.of(), "", true, Set.of(), 1000, 64, 8, 256),
                HttpSettings.read(Map.of()));
    }

    @Test
    void readsValuesGivenAsTextNumbersOrArrays() {
        HttpSettings settings = HttpSettings.read(Map.ofEntries(
                Map.entry("port", "0"), Map.entry("bind.address", "127.0.0.1"), Map.entry("max.body.bytes", 2048),
                Map.entry("tokens", TOKEN + ", " + TOKEN.toUpperCase()), Map.entry("token.file", "/srv/api.token"),
                Map.entry("auth.required", "false"), Map.entry("pcci.open.addresses", new String[] {"10.0.0.5", "::1"}),
                Map.entry("max.connections", "5"), Map.entry("max.event.streams", 2L), Map.entry("threads", "3"), Map.entry("queue.capacity", "9")));

        assertEquals(new HttpSettings("127.0.0.1", 0, 2048, List.of(TOKEN, TOKEN.toUpperCase()), "/srv/api.token", false,
                Set.of(NetUtil.createInetAddressFromIpAddressString("10.0.0.5"), NetUtil.createInetAddressFromIpAddressString("::1")),
                5, 2, 3, 9), settings);
    }

    @Test
    void theLaunchersPortAndBindAddressOverrideTheConfiguration() {
        Map<String, String> framework = Map.of("colony.http.port", "22590", "colony.bind.address", "127.0.0.1");

        HttpSettings settings = HttpSettings.read(Map.of("port", 1234, "bind.address", "0.0.0.0"), framework::get);

        assertEquals(22590, settings.port());
        assertEquals("127.0.0.1", settings.bindAddress());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            port                | eighty          | io.colony.http: port = 'eighty': not a whole number
            port                | 70000           | io.colony.http: port = '70000': must be between 0 and 65535
            bind.address        | any where       | io.colony.http: bind.address = 'any where': must be a host name or IP address (1 to 253 characters of A-Z a-z 0-9 . : % _ -)
            max.body.bytes      | 100             | io.colony.http: max.body.bytes = '100': must be between 1024 and 268435456
            auth.required       | maybe           | io.colony.http: auth.required = 'maybe': must be true or false
            pcci.open.addresses | 10.0.0.5,pcci.example.com | io.colony.http: pcci.open.addresses = 'pcci.example.com': not an IP address (host names are not resolved)
            threads             | 0               | io.colony.http: threads = '0': must be between 1 and 256
            """)
    void badValueNamesPidKeyValueAndReason(String key, String value, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HttpSettings.read(Map.of(key, value)));

        assertEquals(message, e.getMessage());
    }

    @Test
    void badTokenIsReportedWithoutEchoingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HttpSettings.read(Map.of("tokens", TOKEN + ",short secret")));

        assertEquals("io.colony.http: tokens = '<12 characters>': must be 16 to 512 characters of A-Z a-z 0-9 - . _ ~ + / =", e.getMessage());
        assertFalse(e.getMessage().contains("short secret"));
    }

    @Test
    void badPortOverrideNamesTheFrameworkProperty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HttpSettings.read(Map.of(), Map.of("colony.http.port", "http")::get));

        assertEquals("io.colony.http: colony.http.port = 'http': must be a whole number between 0 and 65535", e.getMessage());
    }
}
