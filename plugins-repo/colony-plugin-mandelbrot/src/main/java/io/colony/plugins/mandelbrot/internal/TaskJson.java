package io.colony.plugins.mandelbrot.internal;

/**
 * What a task's input may hold: either a tile ({@code image} with {@code x, y, width, height}) or a
 * bare image (the {@link ImageJson} fields at the top level). One record for both shapes, so that
 * reading works whether or not the codec tolerates unknown fields.
 */
public record TaskJson(ImageJson image, Integer x, Integer y, Integer width, Integer height, Double centerX,
        Double centerY, Double scale, Integer maxIterations) {

    boolean isTile() {
        return image != null || x != null || y != null;
    }

    ImageJson asImage() {
        return new ImageJson(width, height, centerX, centerY, scale, maxIterations);
    }
}
