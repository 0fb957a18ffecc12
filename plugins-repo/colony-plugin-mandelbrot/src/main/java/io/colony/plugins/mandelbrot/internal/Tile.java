package io.colony.plugins.mandelbrot.internal;

/** A rectangle of an image, in pixels from the image's top left corner. */
record Tile(int x, int y, int width, int height) {

    @Override
    public String toString() {
        return width + "x" + height + " at (" + x + ", " + y + ")";
    }
}
