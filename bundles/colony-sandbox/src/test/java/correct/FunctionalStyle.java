package correct;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.TaskContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Lambdas and method references of every kind: static, bound, unbound, constructor, capturing, curried, user interfaces. */
public class FunctionalStyle implements Plugin {

    @FunctionalInterface
    interface TriFunction<A, B, C, R> {
        R apply(A a, B b, C c);

        default TriFunction<A, B, C, String> described() {
            return (a, b, c) -> "f(" + a + "," + b + "," + c + ")=" + apply(a, b, c);
        }
    }

    record Person(String name, int age, String city) {
    }

    private final String greeting = "hello ";

    @Override
    public Payload execute(Payload input, TaskContext context) {
        List<Person> people = new ArrayList<>();
        for (String line : input.asText().strip().split("\n")) {
            String[] fields = line.split(";");
            people.add(new Person(fields[0], Integer.parseInt(fields[1]), fields[2]));
        }
        Function<Integer, Integer> twice = x -> x * 2;
        Function<Integer, Integer> plusThree = x -> x + 3;
        UnaryOperator<String> shout = s -> s.toUpperCase(java.util.Locale.ROOT) + "!";
        BiFunction<String, Integer, String> repeat = String::repeat;
        Function<String, Integer> parse = Integer::parseInt;
        Function<String, String> greet = greeting::concat;
        Supplier<List<String>> fresh = ArrayList::new;
        Function<Integer, Function<Integer, Integer>> curriedAdd = a -> b -> a + b;
        IntBinaryOperator gcd = new IntBinaryOperator() {
            @Override
            public int applyAsInt(int a, int b) {
                return b == 0 ? a : applyAsInt(b, a % b);
            }
        };
        TriFunction<Integer, Integer, Integer, Integer> volume = (a, b, c) -> a * b * c;
        int offset = people.size();
        Predicate<Person> adult = p -> p.age() >= 18;
        Predicate<Person> local = p -> p.city().equals("Lyon");
        BinaryOperator<Person> older = BinaryOperator.maxBy(Comparator.comparingInt(Person::age));
        List<String> names = fresh.get();
        people.stream().filter(adult.and(local.negate())).map(Person::name).map(shout).forEach(names::add);
        Map<String, List<String>> byCity = people.stream().collect(Collectors.groupingBy(Person::city, TreeMap::new,
                Collectors.mapping(p -> p.name() + "+" + offset, Collectors.toList())));
        List<Person> sorted = new ArrayList<>(people);
        sorted.sort(Comparator.comparing(Person::city).thenComparing(Person::age, Comparator.reverseOrder()).thenComparing(Person::name));
        Optional<Person> oldest = people.stream().reduce(older);
        Optional<String> nobody = people.stream().filter(p -> p.age() > 200).map(Person::name).findFirst();
        return Payload.text("composed: " + twice.andThen(plusThree).apply(5) + " " + twice.compose(plusThree).apply(5) + "\n"
                + "identity: " + Function.<String>identity().apply("same") + ", repeat: " + repeat.apply("ab", 3) + ", parse: " + parse.apply("41")
                + ", greet: " + greet.apply("world") + ", curried: " + curriedAdd.apply(4).apply(5) + ", gcd: " + gcd.applyAsInt(84, 36) + "\n"
                + volume.described().apply(2, 3, 4) + "\n"
                + "adults elsewhere: " + names + "\n"
                + "by city: " + byCity + "\n"
                + "sorted: " + sorted.stream().map(Person::name).collect(Collectors.joining(" ")) + "\n"
                + "oldest: " + oldest.map(Person::name).orElse("none") + ", nobody: " + nobody.orElseGet(() -> "no one")
                + ", present: " + nobody.isPresent());
    }
}
