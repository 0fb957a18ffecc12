package io.colony.plugins.mandelbrot.internal;

import io.colony.api.plugin.PluginException;

/**
 * A validated view of the Mandelbrot set: the image size in pixels, the complex point at its
 * centre, the width of the view in the complex plane ({@code scale}) and the iteration limit.
 */
record ImageSpec(int width, int height, double centerX, double centerY, double scale, int maxIterations) {

    static final int MAX_SIDE = 16_384;
    /** The most pixels a whole image may have: the reducer holds it in memory at 4 bytes a pixel. */
    static final long MAX_PIXELS = 1L << 25;
    static final int MAX_ITERATIONS = 100_000;

    static final double DEFAULT_CENTER_X = -0.5;
    static final double DEFAULT_CENTER_Y = 0.0;
    static final double DEFAULT_SCALE = 3.0;
    static final int DEFAULT_MAX_ITERATIONS = 500;

    /**
     * Validates an image, filling in defaults; {@code prefix} (such as {@code "image."}) goes before
     * each field name in error messages.
     */
    static ImageSpec from(ImageJson json, String prefix) throws PluginException {
        if (json == null) {
            throw new PluginException(prefix + "input: must be a JSON object with width and height");
        }
        int width = side(json.width(), prefix + "width");
        int height = side(json.height(), prefix + "height");
        if ((long) width * height > MAX_PIXELS) {
            throw new PluginException(prefix + "height: width x height must be at most " + MAX_PIXELS
                    + " pixels (" + width + " x " + height + " = " + (long) width * height + ")");
        }
        double centerX = finite(json.centerX(), DEFAULT_CENTER_X, prefix + "centerX");
        double centerY = finite(json.centerY(), DEFAULT_CENTER_Y, prefix + "centerY");
        double scale = finite(json.scale(), DEFAULT_SCALE, prefix + "scale");
        if (scale <= 0) {
            throw new PluginException(prefix + "scale: must be > 0 (scale=" + scale + ")");
        }
        int maxIterations = json.maxIterations() == null ? DEFAULT_MAX_ITERATIONS : json.maxIterations();
        if (maxIterations < 1 || maxIterations > MAX_ITERATIONS) {
            throw new PluginException(prefix + "maxIterations: must be in 1.." + MAX_ITERATIONS
                    + " (maxIterations=" + maxIterations + ")");
        }
        return new ImageSpec(width, height, centerX, centerY, scale, maxIterations);
    }

    /** The width and height of one pixel in the complex plane. */
    double pixelSize() {
        return scale / width;
    }

    Tile whole() {
        return new Tile(0, 0, width, height);
    }

    ImageJson toJson() {
        return new ImageJson(width, height, centerX, centerY, scale, maxIterations);
    }

    private static int side(Integer value, String field) throws PluginException {
        if (value == null) {
            throw new PluginException(field + ": is required");
        }
        if (value < 1 || value > MAX_SIDE) {
            throw new PluginException(field + ": must be in 1.." + MAX_SIDE + " (" + lastName(field) + "=" + value + ")");
        }
        return value;
    }

    private static double finite(Double value, double fallback, String field) throws PluginException {
        if (value == null) {
            return fallback;
        }
        if (!Double.isFinite(value)) {
            throw new PluginException(field + ": must be a finite number (" + lastName(field) + "=" + value + ")");
        }
        return value;
    }

    private static String lastName(String field) {
        return field.substring(field.lastIndexOf('.') + 1);
    }
}
