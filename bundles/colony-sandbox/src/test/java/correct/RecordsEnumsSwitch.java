package correct;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.TaskContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Records, enums with bodies, switch statements and expressions on enums and strings, assert. */
public class RecordsEnumsSwitch implements Plugin {

    record Point(int x, int y) implements Comparable<Point> {
        Point {
            if (x < -1000 || y < -1000) {
                throw new IllegalArgumentException("too far: " + x + "," + y);
            }
        }

        Point plus(Point other) {
            return new Point(x + other.x, y + other.y);
        }

        int manhattan() {
            return Math.abs(x) + Math.abs(y);
        }

        @Override
        public int compareTo(Point other) {
            return Integer.compare(manhattan(), other.manhattan());
        }
    }

    record Move(Direction direction, int steps) {
    }

    enum Direction {
        NORTH(0, 1), EAST(1, 0), SOUTH(0, -1), WEST(-1, 0) {
            @Override
            String arrow() {
                return "<-";
            }
        };

        private final int dx;
        private final int dy;

        Direction(int dx, int dy) {
            this.dx = dx;
            this.dy = dy;
        }

        String arrow() {
            return name().substring(0, 1);
        }

        Direction right() {
            return values()[(ordinal() + 1) % values().length];
        }
    }

    @Override
    public Payload execute(Payload input, TaskContext context) {
        List<Move> moves = new ArrayList<>();
        for (String token : input.asText().trim().split("\\s+")) {
            Direction direction = switch (token.charAt(0)) {
                case 'N' -> Direction.NORTH;
                case 'E' -> Direction.EAST;
                case 'S' -> Direction.SOUTH;
                case 'W' -> Direction.WEST;
                default -> throw new IllegalArgumentException("no direction " + token);
            };
            moves.add(new Move(direction, Integer.parseInt(token.substring(1))));
        }
        Point position = new Point(0, 0);
        Map<Direction, Integer> travelled = new EnumMap<>(Direction.class);
        Set<Point> visited = new HashSet<>();
        StringBuilder arrows = new StringBuilder();
        for (Move move : moves) {
            for (int i = 0; i < move.steps(); i++) {
                position = position.plus(new Point(move.direction().dx, move.direction().dy));
                visited.add(position);
            }
            travelled.merge(move.direction(), move.steps(), Integer::sum);
            arrows.append(move.direction().arrow());
        }
        assert position.manhattan() >= 0 : "a distance is never negative";
        String quadrant;
        switch (Integer.signum(position.x()) + "," + Integer.signum(position.y())) {
            case "1,1":
                quadrant = "north-east";
                break;
            case "-1,1":
                quadrant = "north-west";
                break;
            case "-1,-1":
                quadrant = "south-west";
                break;
            case "1,-1":
                quadrant = "south-east";
                break;
            default:
                quadrant = "on an axis";
        }
        int turns = 0;
        Direction facing = Direction.NORTH;
        while (facing != Direction.WEST) {
            facing = facing.right();
            turns++;
        }
        String kind = switch (facing) {
            case NORTH, SOUTH -> "vertical";
            case EAST, WEST -> {
                String word = "horizontal";
                yield word.toUpperCase(java.util.Locale.ROOT);
            }
        };
        Point far = new Point(3, 4);
        return Payload.text("at " + position + " (" + quadrant + "), distance " + position.manhattan() + "\n"
                + "travelled " + travelled + ", visited " + visited.size() + ", arrows " + arrows + "\n"
                + "equal records: " + far.equals(new Point(3, 4)) + ", same hash: " + (far.hashCode() == new Point(3, 4).hashCode())
                + ", compare: " + far.compareTo(position) + ", move: " + moves.get(0) + "\n"
                + "turns to west: " + turns + ", kind: " + kind + ", vertical set: " + EnumSet.of(Direction.NORTH, Direction.SOUTH)
                + ", complement: " + EnumSet.complementOf(EnumSet.of(Direction.EAST)) + ", valueOf: " + Direction.valueOf("SOUTH").ordinal());
    }
}
