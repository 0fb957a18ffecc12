package io.colony.plugins.mandelbrot.internal;

import io.colony.plugins.testkit.Json;
import io.colony.plugins.testkit.TestTaskContext;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.plugin.JsonCodec;
import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MandelbrotPluginTest {

    private static final String VIEW = "{\"width\": 190, \"height\": 130, \"maxIterations\": 200}";
    private static final String ZOOMED = "{\"width\": 150, \"height\": 97, \"centerX\": -0.743643887, "
            + "\"centerY\": 0.131825904, \"scale\": 0.01, \"maxIterations\": 1000}";

    private final MandelbrotPlugin plugin = new MandelbrotPlugin();
    private final JsonCodec json = Json.codec();

    @Test
    void rendersATileOfTheRequestedSizeAsPng() throws Exception {
        Payload result = plugin.execute(Payload.json(
                "{\"image\": {\"width\": 800, \"height\": 600}, \"x\": 100, \"y\": 50, \"width\": 64, \"height\": 48}"),
                TestTaskContext.running());
        assertEquals(Payload.PNG, result.contentType());
        BufferedImage tile = Png.read(result, "result");
        assertEquals(64, tile.getWidth());
        assertEquals(48, tile.getHeight());
    }

    @Test
    void rendersABareWorkloadAsTheWholeImageWithDefaults() throws Exception {
        BufferedImage image = Png.read(plugin.execute(Payload.json("{\"width\": 120, \"height\": 80}"),
                TestTaskContext.running()), "result");
        assertEquals(120, image.getWidth());
        assertEquals(80, image.getHeight());
    }

    @Test
    void paintsAPointInsideTheSetBlackAndPointsOutsideInColour() throws Exception {
        // 101 pixels across the default view: the middle pixel's centre is exactly -0.5 + 0i
        BufferedImage image = render("{\"width\": 101, \"height\": 101}");
        assertEquals(Palette.INSIDE_RGB, rgb(image, 50, 50));
        assertNotEquals(Palette.INSIDE_RGB, rgb(image, 0, 0));
        assertNotEquals(Palette.INSIDE_RGB, rgb(image, 100, 100));
    }

    @Test
    void coloursSmoothlyWithManyDistinctColoursOutsideTheSet() throws Exception {
        BufferedImage image = render(ZOOMED);
        long colours = Arrays.stream(image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()))
                .distinct().count();
        assertTrue(colours > 1000, colours + " colours");
    }

    @Test
    void theClosedFormShortcutOnlyClaimsPointsThatNeverEscape() {
        for (double cr = -2; cr <= 0.5; cr += 0.01) {
            for (double ci = -1; ci <= 1; ci += 0.01) {
                if (EscapeTime.inMainCardioidOrPeriod2Bulb(cr, ci)) {
                    assertEquals(EscapeTime.INSIDE, iterateWithoutShortcut(cr, ci), cr + " + " + ci + "i");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} chunks")
    @ValueSource(ints = {1, 2, 3, 5, 12, 40})
    void splitAndReduceGiveTheSamePixelsAsOneRender(int chunks) throws Exception {
        for (String view : List.of(VIEW, ZOOMED)) {
            Payload workload = Payload.json(view);
            List<Payload> tiles = plugin.split(workload, chunks, json);
            assertTrue(tiles.size() <= chunks && !tiles.isEmpty(), tiles.size() + " tiles");
            List<Payload> results = new ArrayList<>();
            for (Payload tile : tiles) {
                results.add(plugin.execute(tile, TestTaskContext.running()));
            }
            BufferedImage reduced = Png.read(plugin.reduce(workload, results, json), "reduced");
            assertArrayEquals(pixels(render(view)), pixels(reduced), view);
        }
    }

    @Test
    void splitMakesFewerTilesOfASmallImage() throws Exception {
        assertEquals(1, plugin.split(Payload.json("{\"width\": 40, \"height\": 40}"), 16, json).size());
        assertEquals(4, plugin.split(Payload.json("{\"width\": 64, \"height\": 64}"), 16, json).size());
    }

    @Test
    void splitRejectsATileAsWorkload() {
        PluginException e = assertThrows(PluginException.class, () -> plugin.split(Payload.json(
                "{\"image\": {\"width\": 80, \"height\": 60}, \"x\": 0, \"y\": 0, \"width\": 8, \"height\": 8}"), 4, json));
        assertTrue(e.getMessage().startsWith("image: "), e.getMessage());
    }

    @Test
    void reduceRejectsAResultCountTheSplitterNeverProduces() throws Exception {
        Payload workload = Payload.json("{\"width\": 256, \"height\": 256, \"maxIterations\": 50}");
        Payload tile = plugin.execute(plugin.split(workload, 4, json).get(0), TestTaskContext.running());
        List<Payload> eleven = new ArrayList<>();
        for (int index = 0; index < 11; index++) {
            eleven.add(tile);
        }
        PluginException e = assertThrows(PluginException.class, () -> plugin.reduce(workload, eleven, json));
        assertTrue(e.getMessage().startsWith("results: got 11 tiles"), e.getMessage());
    }

    @Test
    void reduceRejectsTilesOfTheWrongSizeForTheResultCount() throws Exception {
        Payload workload = Payload.json("{\"width\": 256, \"height\": 256, \"maxIterations\": 50}");
        List<Payload> results = new ArrayList<>();
        for (Payload tile : plugin.split(workload, 4, json)) {
            results.add(plugin.execute(tile, TestTaskContext.running()));
        }
        List<Payload> oneMissing = results.subList(0, 3);
        PluginException e = assertThrows(PluginException.class, () -> plugin.reduce(workload, oneMissing, json));
        assertTrue(e.getMessage().startsWith("results[0]: the tile is 128x128, expected"), e.getMessage());
    }

    @Test
    void reduceRejectsAResultThatIsNotAPng() throws Exception {
        Payload workload = Payload.json("{\"width\": 64, \"height\": 32}");
        PluginException e = assertThrows(PluginException.class,
                () -> plugin.reduce(workload, List.of(Payload.text("not an image")), json));
        assertTrue(e.getMessage().startsWith("results[0]: not a PNG image"), e.getMessage());
    }

    @Test
    void reduceRejectsNoResults() {
        PluginException e = assertThrows(PluginException.class,
                () -> plugin.reduce(Payload.json("{\"width\": 64, \"height\": 32}"), List.of(), json));
        assertTrue(e.getMessage().startsWith("results: "), e.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"height\": 10}                                  | width: is required",
            "{\"width\": 10}                                   | height: is required",
            "{\"width\": 0, \"height\": 10}                    | width: must be in 1..16384 (width=0)",
            "{\"width\": 10, \"height\": 16385}                | height: must be in 1..16384 (height=16385)",
            "{\"width\": 16384, \"height\": 16384}             | height: width x height must be at most",
            "{\"width\": 10, \"height\": 10, \"scale\": 0}     | scale: must be > 0 (scale=0.0)",
            "{\"width\": 10, \"height\": 10, \"scale\": -1}    | scale: must be > 0",
            "{\"width\": 10, \"height\": 10, \"centerX\": 1e999} | centerX: must be a finite number",
            "{\"width\": 10, \"height\": 10, \"centerY\": \"up\"} | centerY: ",
            "{\"width\": 10, \"height\": 10, \"maxIterations\": 0} | maxIterations: must be in 1..100000 (maxIterations=0)",
            "{\"width\": 10, \"height\": 10, \"maxIterations\": 100001} | maxIterations: must be in 1..100000",
            "null                                              | input: ",
            "a picture please                                  | input: "})
    void rejectsBadWorkloadsNamingTheField(String input, String expectedMessageStart) {
        PluginException e = assertThrows(PluginException.class,
                () -> plugin.execute(Payload.json(input), TestTaskContext.running()));
        assertTrue(e.getMessage().startsWith(expectedMessageStart.strip()), e.getMessage());
        PluginException fromSplit = assertThrows(PluginException.class, () -> plugin.split(Payload.json(input), 4, json));
        assertEquals(e.getMessage(), fromSplit.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "\"x\": 0, \"y\": 0, \"width\": 8, \"height\": 8                          | image: is required",
            "\"image\": {\"height\": 60}, \"x\": 0, \"y\": 0, \"width\": 8, \"height\": 8 | image.width: is required",
            "\"image\": {\"width\": 80, \"height\": 60, \"scale\": 0}, \"x\": 0, \"y\": 0, \"width\": 8, \"height\": 8 | image.scale: must be > 0",
            "\"image\": {\"width\": 80, \"height\": 60}, \"y\": 0, \"width\": 8, \"height\": 8 | x: is required",
            "\"image\": {\"width\": 80, \"height\": 60}, \"x\": 0, \"y\": 0, \"height\": 8 | width: is required",
            "\"image\": {\"width\": 80, \"height\": 60}, \"x\": -1, \"y\": 0, \"width\": 8, \"height\": 8 | x: must be in 0..79 (x=-1)",
            "\"image\": {\"width\": 80, \"height\": 60}, \"x\": 0, \"y\": 60, \"width\": 8, \"height\": 8 | y: must be in 0..59 (y=60)",
            "\"image\": {\"width\": 80, \"height\": 60}, \"x\": 75, \"y\": 0, \"width\": 8, \"height\": 8 | width: must be in 1..5",
            "\"image\": {\"width\": 80, \"height\": 60}, \"x\": 0, \"y\": 0, \"width\": 8, \"height\": 0 | height: must be in 1..60"})
    void rejectsBadTilesNamingTheField(String fields, String expectedMessageStart) {
        PluginException e = assertThrows(PluginException.class,
                () -> plugin.execute(Payload.json("{" + fields + "}"), TestTaskContext.running()));
        assertTrue(e.getMessage().startsWith(expectedMessageStart.strip()), e.getMessage());
    }

    @Test
    void reportsProgressOncePerRowUpToOne() throws Exception {
        TestTaskContext context = TestTaskContext.running();
        plugin.execute(Payload.json("{\"width\": 30, \"height\": 40}"), context);
        assertEquals(40, context.progress().size());
        assertEquals(1.0 / 40, context.progress().get(0));
        assertEquals(1.0, context.progress().get(39));
    }

    @Test
    void stopsBetweenRowsOnceCancelled() {
        TestTaskContext context = TestTaskContext.cancelledAfter(5);
        assertThrows(CancellationException.class,
                () -> plugin.execute(Payload.json("{\"width\": 300, \"height\": 400}"), context));
        assertEquals(5, context.progress().size());
    }

    private BufferedImage render(String view) throws Exception {
        return Png.read(plugin.execute(Payload.json(view), TestTaskContext.running()), "render");
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static double iterateWithoutShortcut(double cr, double ci) {
        double zr = 0;
        double zi = 0;
        for (int iteration = 0; iteration < 2_000; iteration++) {
            double next = zr * zr - zi * zi + cr;
            zi = 2 * zr * zi + ci;
            zr = next;
            if (zr * zr + zi * zi > 4) {
                return iteration;
            }
        }
        return EscapeTime.INSIDE;
    }
}
