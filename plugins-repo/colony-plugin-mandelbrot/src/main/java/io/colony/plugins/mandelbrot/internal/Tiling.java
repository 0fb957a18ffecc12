package io.colony.plugins.mandelbrot.internal;

import io.colony.api.plugin.PluginException;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an image into a grid of tiles, row by row. The grid depends only on the image and the number
 * of chunks asked for, and asking again with the number of tiles it produced gives the same grid:
 * that is how the reducer finds each tile's place from the workload and the result count.
 */
final class Tiling {

    /** Tiles are at least this many pixels wide and high, unless the image itself is smaller. */
    static final int MIN_TILE_SIDE = 32;

    private Tiling() {
    }

    /**
     * At most {@code chunks} tiles covering the image, in row-major order: the grid of
     * {@code rows x columns <= chunks} with the most tiles, and among those the one whose tiles are
     * closest to square.
     */
    static List<Tile> tiles(ImageSpec image, int chunks) throws PluginException {
        if (chunks < 1) {
            throw new PluginException("chunks: must be >= 1 (chunks=" + chunks + ")");
        }
        int maxColumns = Math.max(1, image.width() / MIN_TILE_SIDE);
        int maxRows = Math.max(1, image.height() / MIN_TILE_SIDE);
        int bestRows = 0;
        int bestColumns = 0;
        double bestSkew = Double.POSITIVE_INFINITY;
        for (int rows = 1; rows <= Math.min(chunks, maxRows); rows++) {
            int columns = Math.min(chunks / rows, maxColumns);
            int count = rows * columns;
            int bestCount = bestRows * bestColumns;
            double skew = skew(image, rows, columns);
            if (count > bestCount || (count == bestCount && skew < bestSkew)) {
                bestRows = rows;
                bestColumns = columns;
                bestSkew = skew;
            }
        }
        return grid(image, bestRows, bestColumns);
    }

    /** How far a tile is from square: 0 for square tiles, growing either way. */
    private static double skew(ImageSpec image, int rows, int columns) {
        return Math.abs(Math.log(((double) image.width() / columns) / ((double) image.height() / rows)));
    }

    private static List<Tile> grid(ImageSpec image, int rows, int columns) {
        List<Tile> tiles = new ArrayList<>(rows * columns);
        for (int row = 0; row < rows; row++) {
            int top = edge(row, rows, image.height());
            int bottom = edge(row + 1, rows, image.height());
            for (int column = 0; column < columns; column++) {
                int left = edge(column, columns, image.width());
                int right = edge(column + 1, columns, image.width());
                tiles.add(new Tile(left, top, right - left, bottom - top));
            }
        }
        return tiles;
    }

    private static int edge(int index, int parts, int length) {
        return (int) ((long) index * length / parts);
    }
}
