package io.colony.sandbox.internal.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.config.InvalidConfigurationException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessSettingsTest {

    private static final Path WORK = Path.of("/tmp/children");

    @Test
    void theDefaultsAreOneChildPerProcessorNoWarmChildAndTheCompileTimeLimitOfTheSandbox() {
        ProcessSettings settings = ProcessSettings.read(Map.of(), WORK, Duration.ofSeconds(45));
        assertEquals(Runtime.getRuntime().availableProcessors(), settings.maxChildren());
        assertEquals(ProcessSettings.DEFAULT_WARM_CHILDREN, settings.warmChildren());
        assertEquals(Duration.ofSeconds(45), settings.prepareTime());
        assertEquals(256L << 20, settings.prepareMemoryBytes());
        assertEquals(1, settings.activeProcessors());
        assertEquals(WORK, settings.workDirectory());
    }

    @Test
    void readsEveryProcessKey() {
        ProcessSettings settings = ProcessSettings.read(Map.of("process.children.max", "3", "process.children.warm", 2, "process.start.seconds", "5",
                "process.stop.grace.millis", "250", "process.child.processors", "2", "process.child.stack.kib", "512",
                "process.child.metaspace.mib", "64", "process.compile.memory.mib", "512"), WORK, Duration.ofSeconds(30));
        assertEquals(new ProcessSettings(3, 2, Duration.ofSeconds(5), Duration.ofMillis(250), 2, 512L << 10, 64L << 20, Duration.ofSeconds(30),
                512L << 20, WORK, settings.stderrLines()), settings);
    }

    @Test
    void aBadValueIsReportedWithItsKey() {
        InvalidConfigurationException thrown = assertThrows(InvalidConfigurationException.class,
                () -> ProcessSettings.read(Map.of("process.children.warm", "many"), WORK, Duration.ofSeconds(30)));
        assertTrue(thrown.getMessage().contains("process.children.warm"), thrown.getMessage());
        InvalidConfigurationException tooSmall = assertThrows(InvalidConfigurationException.class,
                () -> ProcessSettings.read(Map.of("process.compile.memory.mib", "1"), WORK, Duration.ofSeconds(30)));
        assertTrue(tooSmall.getMessage().contains("process.compile.memory.mib"), tooSmall.getMessage());
    }
}
