package io.colony.node.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.config.InvalidConfigurationException;
import io.colony.api.node.Role;
import java.util.EnumSet;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class NodeSettingsTest {

    private static final Function<String, String> NO_OVERRIDES = key -> null;

    @Test
    void defaultsToAStandaloneManagerAndWorkerOnPort22581() {
        NodeSettings settings = NodeSettings.read(Map.of(), NO_OVERRIDES);
        assertEquals(EnumSet.of(Role.MANAGER, Role.WORKER), settings.roles());
        assertEquals(22581, settings.httpPort());
        assertEquals("colony", settings.clusterName());
        assertEquals("", settings.configuredId());
    }

    @Test
    void readsValuesAsFileInstallDeliversThemFromACfgFile() {
        NodeSettings settings = NodeSettings.read(Map.of(
                "roles", " worker , tracker ", "http.port", "8080", "id", "render-1",
                "cluster.name", "lab", "user.data", "gpu=true, rack = r2"), NO_OVERRIDES);
        assertEquals(EnumSet.of(Role.WORKER, Role.TRACKER), settings.roles());
        assertEquals(8080, settings.httpPort());
        assertEquals("render-1", settings.configuredId());
        assertEquals("lab", settings.clusterName());
        assertEquals(Map.of("gpu", "true", "rack", "r2"), settings.userData());
    }

    @Test
    void acceptsTypedValuesAndArrays() {
        NodeSettings settings = NodeSettings.read(Map.of("roles", new String[] {"manager"}, "http.port", 9000), NO_OVERRIDES);
        assertEquals(EnumSet.of(Role.MANAGER), settings.roles());
        assertEquals(9000, settings.httpPort());
    }

    @Test
    void commandLineOverridesBeatTheConfiguration() {
        Map<String, String> framework = Map.of("colony.roles", "worker", "colony.http.port", "23000");
        NodeSettings settings = NodeSettings.read(Map.of("roles", "manager", "http.port", "8080"), framework::get);
        assertEquals(EnumSet.of(Role.WORKER), settings.roles());
        assertEquals(23000, settings.httpPort());
    }

    @Test
    void aMalformedPortNamesThePidTheKeyTheValueAndTheReason() {
        InvalidConfigurationException error = assertThrows(InvalidConfigurationException.class,
                () -> NodeSettings.read(Map.of("http.port", "eighty"), NO_OVERRIDES));
        assertEquals("io.colony.node: http.port = 'eighty': not a port number (1..65535)", error.getMessage());
        assertThrows(InvalidConfigurationException.class, () -> NodeSettings.read(Map.of("http.port", "70000"), NO_OVERRIDES));
        assertThrows(InvalidConfigurationException.class, () -> NodeSettings.read(Map.of("http.port", 0), NO_OVERRIDES));
    }

    @Test
    void anUnknownRoleIsRejectedWithTheAcceptedNames() {
        InvalidConfigurationException error = assertThrows(InvalidConfigurationException.class,
                () -> NodeSettings.read(Map.of("roles", "manager,wroker"), NO_OVERRIDES));
        assertTrue(error.getMessage().startsWith("io.colony.node: roles = 'manager,wroker': unknown role 'wroker'"), error.getMessage());
        assertTrue(error.getMessage().contains("manager, worker or tracker"), error.getMessage());
    }

    @Test
    void aNodeNeedsARole() {
        assertThrows(InvalidConfigurationException.class, () -> NodeSettings.read(Map.of("roles", " , "), NO_OVERRIDES));
    }

    @Test
    void aMalformedConfiguredValueIsReportedEvenWhenTheCommandLineOverridesIt() {
        Map<String, String> framework = Map.of("colony.http.port", "23000");
        InvalidConfigurationException error = assertThrows(InvalidConfigurationException.class,
                () -> NodeSettings.read(Map.of("http.port", "eighty"), framework::get));
        assertEquals("io.colony.node: http.port = 'eighty': not a port number (1..65535)", error.getMessage());
    }

    @Test
    void aBadOverrideIsReportedUnderItsOwnName() {
        InvalidConfigurationException error = assertThrows(InvalidConfigurationException.class,
                () -> NodeSettings.read(Map.of(), Map.of("colony.http.port", "x")::get));
        assertTrue(error.getMessage().contains("colony.http.port = 'x'"), error.getMessage());
    }

    @Test
    void idsAndUserDataAreValidated() {
        assertThrows(InvalidConfigurationException.class, () -> NodeSettings.read(Map.of("id", "has space"), NO_OVERRIDES));
        assertThrows(InvalidConfigurationException.class, () -> NodeSettings.read(Map.of("cluster.name", "-x"), NO_OVERRIDES));
        InvalidConfigurationException error = assertThrows(InvalidConfigurationException.class,
                () -> NodeSettings.read(Map.of("user.data", "gpu"), NO_OVERRIDES));
        assertTrue(error.getMessage().contains("'gpu' is not"), error.getMessage());
    }
}
