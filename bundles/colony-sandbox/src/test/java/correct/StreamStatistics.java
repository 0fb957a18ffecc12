package correct;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.TaskContext;
import java.util.Comparator;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** Streams (sequential): primes, grouping, partitioning, statistics, flatMap, iterate, reduce. */
public class StreamStatistics implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) {
        int limit = Integer.parseInt(input.asText().trim());
        List<Integer> primes = IntStream.rangeClosed(2, limit).filter(StreamStatistics::isPrime).boxed().collect(Collectors.toList());
        Map<Integer, Long> byLastDigit = primes.stream()
                .collect(Collectors.groupingBy(p -> p % 10, TreeMap::new, Collectors.counting()));
        Map<Boolean, List<Integer>> smallOnes = primes.stream().limit(12).collect(Collectors.partitioningBy(p -> p % 4 == 1));
        IntSummaryStatistics gaps = IntStream.range(1, primes.size()).map(i -> primes.get(i) - primes.get(i - 1)).summaryStatistics();
        String words = Stream.of("delta", "alpha", "charlie", "bravo", "alpha")
                .distinct().sorted(Comparator.comparing(String::length).thenComparing(Comparator.reverseOrder()))
                .collect(Collectors.joining(", ", "[", "]"));
        List<Integer> flattened = Stream.of(List.of(1, 2), List.of(3), List.<Integer>of(), List.of(4, 5, 6))
                .flatMap(List::stream).map(x -> x * x).toList();
        long collatzSteps = Stream.iterate(27L, x -> x != 1, x -> x % 2 == 0 ? x / 2 : 3 * x + 1).count();
        long product = LongStream.rangeClosed(1, 15).reduce(1, (x, y) -> x * y);
        double average = primes.stream().mapToInt(Integer::intValue).average().orElse(0);
        Map<String, Integer> lengths = Stream.of("one", "three", "five").collect(Collectors.toMap(s -> s, String::length, (x, y) -> x, TreeMap::new));
        return Payload.text("primes: " + primes.size() + ", largest " + primes.get(primes.size() - 1) + "\n"
                + "by last digit: " + byLastDigit + "\n"
                + "first twelve, 4k+1 or not: " + smallOnes + "\n"
                + "gaps: " + gaps + "\n"
                + "words: " + words + "\n"
                + "squares: " + flattened + ", anyMatch 25: " + flattened.stream().anyMatch(x -> x == 25) + "\n"
                + "collatz(27) steps: " + collatzSteps + ", 15! = " + product + ", average prime: " + Math.round(average) + "\n"
                + "lengths: " + lengths + ", skipped: " + IntStream.iterate(1, i -> i * 3).skip(3).limit(3).boxed().toList());
    }

    private static boolean isPrime(int n) {
        if (n < 4) {
            return n >= 2;
        }
        if (n % 2 == 0) {
            return false;
        }
        for (int d = 3; d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }
}
