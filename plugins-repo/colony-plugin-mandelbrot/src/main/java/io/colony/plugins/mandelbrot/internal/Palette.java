package io.colony.plugins.mandelbrot.internal;

/** Maps smooth iteration counts to colours: black inside the set, a continuous cosine gradient outside. */
final class Palette {

    static final int INSIDE_RGB = 0x000000;

    /** Iterations per full turn of the colour cycle. */
    private static final double PERIOD = 48;
    private static final double RED_PHASE = 0.00;
    private static final double GREEN_PHASE = 0.15;
    private static final double BLUE_PHASE = 0.30;

    private Palette() {
    }

    static int rgb(double smoothIterations) {
        if (smoothIterations == EscapeTime.INSIDE) {
            return INSIDE_RGB;
        }
        double turn = smoothIterations / PERIOD + 0.5;
        return channel(turn, RED_PHASE) << 16 | channel(turn, GREEN_PHASE) << 8 | channel(turn, BLUE_PHASE);
    }

    private static int channel(double turn, double phase) {
        double value = 0.5 + 0.5 * Math.cos(2 * Math.PI * (turn + phase));
        return (int) Math.round(255 * value);
    }
}
