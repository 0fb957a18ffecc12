package correct;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.TaskContext;
import java.util.ArrayList;
import java.util.List;

/** Recursion a few thousand frames deep, which must not be mistaken for a stack overflow. */
public class DeepRecursion implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) {
        int depth = Integer.parseInt(input.asText().trim());
        List<Integer> values = new ArrayList<>();
        for (int i = 1; i <= depth; i++) {
            values.add(i);
        }
        return Payload.text("sum " + sum(values, 0) + ", even " + isEven(depth) + ", ackermann(2, 300) " + ackermann(2, 300)
                + ", hanoi(16) " + hanoi(16, 'a', 'c', 'b') + ", binary search " + search(values, depth / 3, 0, values.size() - 1));
    }

    private static long sum(List<Integer> values, int from) {
        return from == values.size() ? 0 : values.get(from) + sum(values, from + 1);
    }

    private static boolean isEven(int n) {
        return n == 0 || isOdd(n - 1);
    }

    private static boolean isOdd(int n) {
        return n != 0 && isEven(n - 1);
    }

    private static long ackermann(long m, long n) {
        if (m == 0) {
            return n + 1;
        }
        if (n == 0) {
            return ackermann(m - 1, 1);
        }
        return ackermann(m - 1, ackermann(m, n - 1));
    }

    private static long hanoi(int disks, char from, char to, char via) {
        return disks == 0 ? 0 : hanoi(disks - 1, from, via, to) + 1 + hanoi(disks - 1, via, to, from);
    }

    private static int search(List<Integer> values, int wanted, int low, int high) {
        if (low > high) {
            return -1;
        }
        int middle = (low + high) >>> 1;
        int found = values.get(middle);
        return found == wanted ? middle : found < wanted ? search(values, wanted, middle + 1, high) : search(values, wanted, low, middle - 1);
    }
}
