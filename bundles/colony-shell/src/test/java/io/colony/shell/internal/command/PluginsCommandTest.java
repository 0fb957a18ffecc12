package io.colony.shell.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.colony.api.worker.PluginDescriptor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginsCommandTest {

    private static String print(List<PluginDescriptor> plugins) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PluginsCommand.print(plugins, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsAnAlignedTable() {
        String table = print(List.of(
                new PluginDescriptor("mandelbrot", "1.0.0", "Renders a tile", "io.colony.plugins.mandelbrot 0.1.0", 12, true),
                new PluginDescriptor("echo", "2.1.0", "", "test.echo 1.0.0", 13, false)));
        assertEquals(String.join("\n",
                "NAME        VERSION  SPLITTABLE  BUNDLE                              DESCRIPTION",
                "mandelbrot  1.0.0    yes         io.colony.plugins.mandelbrot 0.1.0  Renders a tile",
                "echo        2.1.0    no          test.echo 1.0.0",
                ""), table);
    }

    @Test
    void saysWhereToPutPluginsWhenThereAreNone() {
        assertEquals("no plugins on this node; drop a plugin bundle into deploy/\n", print(List.of()));
    }
}
