package correct.geometry;

/** A sealed hierarchy of records, in a second compilation unit and package of the Geometry program. */
public sealed interface Shape permits Shape.Circle, Shape.Rectangle, Shape.Triangle {

    double area();

    default String describe() {
        return getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " of area " + String.format(java.util.Locale.ROOT, "%.3f", area());
    }

    record Circle(double radius) implements Shape {
        @Override
        public double area() {
            return Math.PI * radius * radius;
        }
    }

    record Rectangle(double width, double height) implements Shape {
        @Override
        public double area() {
            return width * height;
        }
    }

    record Triangle(double a, double b, double c) implements Shape {
        public Triangle {
            if (a + b <= c || a + c <= b || b + c <= a) {
                throw new IllegalArgumentException("not a triangle: " + a + ", " + b + ", " + c);
            }
        }

        @Override
        public double area() {
            double s = (a + b + c) / 2;
            return Math.sqrt(s * (s - a) * (s - b) * (s - c));
        }
    }
}
