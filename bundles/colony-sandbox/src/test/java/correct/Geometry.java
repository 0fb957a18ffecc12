package correct;

import correct.geometry.Ranking;
import correct.geometry.Shape;
import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.TaskContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Several files and packages: a sealed interface of records, a generic class with an inner iterator, anonymous and local classes. */
public class Geometry implements Plugin {

    interface Visitor<R> {
        R visit(Shape shape);
    }

    static final class Counter {
        private int count;

        int next() {
            return ++count;
        }
    }

    @Override
    public Payload execute(Payload input, TaskContext context) {
        List<Shape> shapes = new ArrayList<>();
        for (String line : input.asText().strip().split("\n")) {
            String[] parts = line.trim().split("\\s+");
            double[] numbers = new double[parts.length - 1];
            for (int i = 1; i < parts.length; i++) {
                numbers[i - 1] = Double.parseDouble(parts[i]);
            }
            try {
                shapes.add(switch (parts[0]) {
                    case "circle" -> new Shape.Circle(numbers[0]);
                    case "rectangle" -> new Shape.Rectangle(numbers[0], numbers[1]);
                    case "triangle" -> new Shape.Triangle(numbers[0], numbers[1], numbers[2]);
                    default -> throw new IllegalArgumentException("unknown shape " + parts[0]);
                });
            } catch (IllegalArgumentException e) {
                shapes.add(new Shape.Circle(0));
            }
        }
        Visitor<String> kind = new Visitor<>() {
            @Override
            public String visit(Shape shape) {
                if (shape instanceof Shape.Circle circle) {
                    return "round(" + circle.radius() + ")";
                } else if (shape instanceof Shape.Rectangle rectangle) {
                    return rectangle.width() == rectangle.height() ? "square" : "oblong";
                }
                return "pointy";
            }
        };
        class Area implements Comparable<Area> {
            final double value;

            Area(double value) {
                this.value = value;
            }

            @Override
            public int compareTo(Area other) {
                return Double.compare(value, other.value);
            }

            @Override
            public String toString() {
                return String.format(Locale.ROOT, "%.2f", value);
            }
        }
        Ranking<Area> ranking = new Ranking<>();
        Counter counter = new Counter();
        StringBuilder out = new StringBuilder();
        for (Shape shape : shapes) {
            ranking.add(new Area(shape.area()));
            out.append(counter.next()).append(". ").append(shape.describe()).append(", ").append(kind.visit(shape)).append('\n');
        }
        StringBuilder ranked = new StringBuilder();
        for (Area area : ranking) {
            ranked.append(area).append(' ');
        }
        Ranking<String> names = Ranking.of("pear", "apple", "zucchini", "fig");
        out.append("ranked: ").append(ranked.toString().trim()).append(", best: ").append(ranking.best()).append('\n');
        out.append("names: ").append(String.join(",", names)).append(", largest shape: ")
                .append(shapes.stream().max(Comparator.comparingDouble(Shape::area)).map(Object::toString).orElse("none"));
        return Payload.text(out.toString());
    }
}
