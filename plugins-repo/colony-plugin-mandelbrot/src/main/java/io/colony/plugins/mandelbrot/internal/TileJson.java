package io.colony.plugins.mandelbrot.internal;

/** The JSON shape of one tile task, as the splitter writes it. */
public record TileJson(ImageJson image, int x, int y, int width, int height) {
}
