package io.colony.plugins.mandelbrot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.plugin.PluginException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TilingTest {

    private static final int[][] SIZES = {{1, 1}, {31, 700}, {64, 64}, {190, 130}, {800, 600}, {1001, 563}, {4000, 97}};

    @Test
    void tilesCoverEveryPixelExactlyOnce() throws PluginException {
        for (int[] size : SIZES) {
            ImageSpec image = image(size[0], size[1]);
            for (int chunks = 1; chunks <= 70; chunks++) {
                int[] covered = new int[size[0] * size[1]];
                for (Tile tile : Tiling.tiles(image, chunks)) {
                    for (int y = tile.y(); y < tile.y() + tile.height(); y++) {
                        for (int x = tile.x(); x < tile.x() + tile.width(); x++) {
                            covered[y * size[0] + x]++;
                        }
                    }
                }
                for (int count : covered) {
                    assertEquals(1, count, size[0] + "x" + size[1] + " in " + chunks + " chunks");
                }
            }
        }
    }

    @Test
    void neverMakesMoreTilesThanChunksNorNone() throws PluginException {
        for (int[] size : SIZES) {
            for (int chunks = 1; chunks <= 300; chunks++) {
                int tiles = Tiling.tiles(image(size[0], size[1]), chunks).size();
                assertTrue(tiles >= 1 && tiles <= chunks, tiles + " tiles for " + chunks + " chunks");
            }
        }
    }

    @Test
    void givesTheSameTilesWhenAskedForAsManyChunksAsItMade() throws PluginException {
        for (int[] size : SIZES) {
            ImageSpec image = image(size[0], size[1]);
            for (int chunks = 1; chunks <= 300; chunks++) {
                List<Tile> tiles = Tiling.tiles(image, chunks);
                assertEquals(tiles, Tiling.tiles(image, tiles.size()), size[0] + "x" + size[1] + ", " + chunks + " chunks");
            }
        }
    }

    @Test
    void makesAsManyTilesAsAskedWhenTheImageIsLargeEnough() throws PluginException {
        assertEquals(12, Tiling.tiles(image(1920, 1080), 12).size());
        assertEquals(64, Tiling.tiles(image(1920, 1080), 64).size());
    }

    @Test
    void keepsTilesAtLeastTheMinimumSide() throws PluginException {
        for (Tile tile : Tiling.tiles(image(190, 130), 1_000)) {
            assertTrue(tile.width() >= Tiling.MIN_TILE_SIDE && tile.height() >= Tiling.MIN_TILE_SIDE, tile.toString());
        }
    }

    @Test
    void rejectsZeroChunks() {
        PluginException e = assertThrows(PluginException.class, () -> Tiling.tiles(image(10, 10), 0));
        assertEquals("chunks: must be >= 1 (chunks=0)", e.getMessage());
    }

    private static ImageSpec image(int width, int height) {
        return new ImageSpec(width, height, -0.5, 0, 3, 100);
    }
}
