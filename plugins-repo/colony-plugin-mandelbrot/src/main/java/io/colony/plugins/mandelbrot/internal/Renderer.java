package io.colony.plugins.mandelbrot.internal;

import io.colony.api.plugin.TaskContext;
import java.awt.image.BufferedImage;

/**
 * Renders a tile of an image. Each pixel's point in the complex plane depends on its position in the
 * whole image, never on the tile, so tiles rendered apart fit together exactly.
 */
final class Renderer {

    private Renderer() {
    }

    /**
     * Renders {@code tile} of {@code image}, reporting progress and checking for cancellation once
     * per row.
     *
     * @throws java.util.concurrent.CancellationException when the context reports cancellation
     */
    static BufferedImage render(ImageSpec image, Tile tile, TaskContext context) {
        BufferedImage result = new BufferedImage(tile.width(), tile.height(), BufferedImage.TYPE_INT_RGB);
        double pixelSize = image.pixelSize();
        double halfWidth = image.width() / 2.0;
        double halfHeight = image.height() / 2.0;
        int[] row = new int[tile.width()];
        for (int y = 0; y < tile.height(); y++) {
            context.checkCancelled();
            double ci = image.centerY() - (tile.y() + y + 0.5 - halfHeight) * pixelSize;
            for (int x = 0; x < tile.width(); x++) {
                double cr = image.centerX() + (tile.x() + x + 0.5 - halfWidth) * pixelSize;
                row[x] = Palette.rgb(EscapeTime.smoothIterations(cr, ci, image.maxIterations()));
            }
            result.setRGB(0, y, tile.width(), 1, row, 0, tile.width());
            context.progress(y + 1, tile.height());
        }
        return result;
    }
}
