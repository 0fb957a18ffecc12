package io.colony.plugins.mandelbrot.internal;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import java.awt.image.BufferedImage;
import java.util.List;

/** Puts rendered tiles back together at the places {@link Tiling} gave them. */
final class TileAssembler {

    private TileAssembler() {
    }

    static BufferedImage assemble(ImageSpec image, List<Payload> results) throws PluginException {
        if (results.isEmpty()) {
            throw new PluginException("results: no tiles to combine");
        }
        List<Tile> tiles = Tiling.tiles(image, results.size());
        if (tiles.size() != results.size()) {
            throw new PluginException("results: got " + results.size() + " tiles, but a " + image.width() + "x"
                    + image.height() + " image is never split into that many (asking for " + results.size()
                    + " chunks gives " + tiles.size() + ")");
        }
        BufferedImage whole = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        for (int index = 0; index < tiles.size(); index++) {
            String field = "results[" + index + "]";
            Tile tile = tiles.get(index);
            BufferedImage part = Png.read(results.get(index), field);
            if (part.getWidth() != tile.width() || part.getHeight() != tile.height()) {
                throw new PluginException(field + ": the tile is " + part.getWidth() + "x" + part.getHeight()
                        + ", expected " + tile);
            }
            int[] pixels = part.getRGB(0, 0, tile.width(), tile.height(), null, 0, tile.width());
            whole.setRGB(tile.x(), tile.y(), tile.width(), tile.height(), pixels, 0, tile.width());
        }
        return whole;
    }
}
