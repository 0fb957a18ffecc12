package io.colony.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;

/** The README's first command: bin/colony demo runs the sample jobs on a fresh node and stops it. */
public class DemoIT {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    public void demoRunsBothSampleJobsAndStopsTheNode() throws Exception {
        Path home = Files.createTempDirectory(Path.of(System.getProperty("user.dir"), "target"), "demo-node-");
        NodeProcess.Result demo = NodeProcess.run(List.of("demo", "--home", home.toString(), "--http-port", "22596"));
        assertEquals(demo.toString(), 0, demo.status());
        assertTrue(demo.out(), demo.out().contains("\"count\":3001134"));
        Path image = home.resolve("data/results/mandelbrot.png");
        assertTrue(demo.out(), demo.out().contains(image.toString()));
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(Files.readAllBytes(image), PNG_SIGNATURE.length));
        assertFalse("the demo stopped its node", Files.exists(home.resolve("data/colony.pid")));
    }
}
