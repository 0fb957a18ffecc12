package io.colony.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.worker.PluginDescriptor;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

class PluginRegistryTest {

    private final TestPlugins.RecordingLog log = new TestPlugins.RecordingLog();
    private final PluginRegistry registry = new PluginRegistry(log.logger);
    private final Plugin echo = (input, context) -> input;

    @SuppressWarnings("unchecked")
    private static ServiceReference<Plugin> reference(Map<String, Object> properties) {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> "sample.bundle";
                    case "getVersion" -> new Version(2, 1, 0);
                    case "getBundleId" -> 42L;
                    default -> null;
                });
        Map<String, Object> copy = new HashMap<>(properties);
        return (ServiceReference<Plugin>) Proxy.newProxyInstance(ServiceReference.class.getClassLoader(), new Class<?>[] {ServiceReference.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> copy.get((String) args[0]);
                    case "getBundle" -> bundle;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    private static Map<String, Object> properties(String name, Object version) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(Plugin.NAME, name);
        if (version != null) {
            properties.put(Plugin.VERSION, version);
        }
        return properties;
    }

    @Test
    void describesAPluginWithItsBundle() {
        registry.addPlugin(new TestPlugins.SumOfRange(), reference(Map.of(Plugin.NAME, "sum", Plugin.VERSION, "1.2", Plugin.DESCRIPTION, "adds")));
        assertEquals(List.of(new PluginDescriptor("sum", "1.2.0", "adds", "sample.bundle 2.1.0", 42, true)), registry.plugins());
    }

    @Test
    void listsByNameThenNewestFirstAndFindsInRange() {
        registry.addPlugin(echo, reference(properties("echo", "1.0.0")));
        registry.addPlugin(echo, reference(properties("echo", "2.0.0")));
        registry.addPlugin(echo, reference(properties("alpha", "1.0.0")));
        assertEquals(List.of("alpha 1.0.0", "echo 2.0.0", "echo 1.0.0"),
                registry.plugins().stream().map(p -> p.name() + " " + p.version()).toList());
        assertEquals("2.0.0", registry.find("echo", null).orElseThrow().version());
        assertEquals("1.0.0", registry.find("echo", "[1,2)").orElseThrow().version());
        assertEquals("2.0.0", registry.find("echo", "1.5").orElseThrow().version(), "a bare version means at least");
        assertFalse(registry.find("echo", "[3,4)").isPresent());
        assertFalse(registry.find("echo", null).orElseThrow().splittable());
    }

    @Test
    void removedPluginIsGone() {
        ServiceReference<Plugin> reference = reference(properties("echo", "1.0.0"));
        registry.addPlugin(echo, reference);
        registry.removePlugin(reference);
        assertTrue(registry.plugins().isEmpty());
        assertEquals("none", registry.available());
    }

    @Test
    void changeListenersHearOfEveryAddedAndRemovedPluginUntilTheyAreRemoved() throws Exception {
        List<List<String>> seen = new ArrayList<>();
        AutoCloseable listening = registry.onChange(() -> seen.add(registry.plugins().stream().map(p -> p.name() + " " + p.version()).toList()));
        ServiceReference<Plugin> reference = reference(properties("echo", "1.0.0"));
        registry.addPlugin(echo, reference);
        registry.addPlugin(echo, reference(properties("echo", null)));
        registry.removePlugin(reference);
        registry.removePlugin(reference);
        assertEquals(List.of(List.of("echo 1.0.0"), List.of()), seen, "one call per change; ignored services and repeated removals change nothing");
        listening.close();
        registry.addPlugin(echo, reference(properties("alpha", "1.0.0")));
        assertEquals(2, seen.size());
    }

    @Test
    void failingChangeListenerIsLoggedAndTheOthersStillHear() {
        List<String> heard = new ArrayList<>();
        registry.onChange(() -> {
            throw new IllegalStateException("listener bug");
        });
        registry.onChange(() -> heard.add("changed"));
        registry.addPlugin(echo, reference(properties("echo", "1.0.0")));
        assertEquals(List.of("changed"), heard);
        assertTrue(log.lines.contains("warn A listener to plugin changes failed: {}"), log.lines.toString());
    }

    @Test
    void pluginWithoutVersionIsIgnoredWithAReason() {
        registry.addPlugin(echo, reference(properties("echo", null)));
        assertTrue(registry.plugins().isEmpty());
        assertTrue(log.lines.contains("warn Ignoring a plugin service of bundle {}: {}"), log.lines.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PluginRegistry.describe(echo, reference(properties("echo", null))));
        assertEquals("colony.plugin.version is missing: a plugin must say its version", e.getMessage());
    }

    @Test
    void malformedNameOrVersionIsExplained() {
        assertEquals("colony.plugin.version = 'one': not an OSGi version such as 1.0.0",
                assertThrows(IllegalArgumentException.class, () -> PluginRegistry.describe(echo, reference(properties("echo", "one")))).getMessage());
        assertEquals("colony.plugin.name = 'no spaces': use 1 to 128 letters, digits, '.', '_' or '-'",
                assertThrows(IllegalArgumentException.class, () -> PluginRegistry.describe(echo, reference(properties("no spaces", "1")))).getMessage());
    }

    @Test
    void malformedRangeIsExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.find("echo", "(1"));
        assertTrue(e.getMessage().startsWith("version range '(1' is not valid OSGi syntax"), e.getMessage());
    }
}
