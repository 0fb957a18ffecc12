package io.colony.plugins.mandelbrot.internal;

/**
 * The JSON shape of a whole image, the workload of a job:
 * {@code {"width": 800, "height": 600, "centerX": -0.5, "centerY": 0, "scale": 3.0, "maxIterations": 500}}.
 * Boxed fields, so that a missing field can be told from zero and given its default.
 */
public record ImageJson(Integer width, Integer height, Double centerX, Double centerY, Double scale,
        Integer maxIterations) {
}
