package io.colony.plugins.mandelbrot.internal;

/** The escape-time iteration of {@code z -> z^2 + c}, with a fractional ("smooth") iteration count. */
final class EscapeTime {

    /** What {@link #smoothIterations} answers for a point that never escaped. */
    static final double INSIDE = -1;

    /** A large bailout radius (2^8) makes the smooth count continuous across iteration bands. */
    private static final double BAILOUT_SQUARED = 256.0 * 256.0;
    private static final double LOG_2 = Math.log(2);

    private EscapeTime() {
    }

    /**
     * The smooth iteration count {@code n + 1 - log2(log|z_n|)} at which the orbit of {@code c}
     * escapes, or {@link #INSIDE} when it stays bounded for {@code maxIterations}.
     */
    static double smoothIterations(double cr, double ci, int maxIterations) {
        if (inMainCardioidOrPeriod2Bulb(cr, ci)) {
            return INSIDE;
        }
        double zr = 0;
        double zi = 0;
        double zr2 = 0;
        double zi2 = 0;
        int iteration = 0;
        while (iteration < maxIterations && zr2 + zi2 <= BAILOUT_SQUARED) {
            zi = 2 * zr * zi + ci;
            zr = zr2 - zi2 + cr;
            zr2 = zr * zr;
            zi2 = zi * zi;
            iteration++;
        }
        if (zr2 + zi2 <= BAILOUT_SQUARED) {
            return INSIDE;
        }
        double logModulus = Math.log(zr2 + zi2) / 2;
        return iteration + 1 - Math.log(logModulus) / LOG_2;
    }

    /** The two largest components of the set, known in closed form: their points never escape. */
    static boolean inMainCardioidOrPeriod2Bulb(double cr, double ci) {
        double ci2 = ci * ci;
        double shifted = cr - 0.25;
        double q = shifted * shifted + ci2;
        boolean inCardioid = q * (q + shifted) <= 0.25 * ci2;
        boolean inBulb = (cr + 1) * (cr + 1) + ci2 <= 1.0 / 16;
        return inCardioid || inBulb;
    }
}
