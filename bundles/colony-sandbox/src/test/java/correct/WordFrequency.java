package correct;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.TaskContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Collections: counts the words of the input text and reports the most frequent, the first seen, and a few more views. */
public class WordFrequency implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) {
        Map<String, Integer> counts = new HashMap<>();
        Set<String> firstSeen = new LinkedHashSet<>();
        List<String> words = new ArrayList<>();
        for (String word : input.asText().toLowerCase(Locale.ROOT).split("[^a-z']+")) {
            if (word.isEmpty()) {
                continue;
            }
            words.add(word);
            counts.merge(word, 1, Integer::sum);
            firstSeen.add(word);
        }
        PriorityQueue<Map.Entry<String, Integer>> byCount = new PriorityQueue<>(
                Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed().thenComparing(Map.Entry::getKey));
        byCount.addAll(counts.entrySet());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 5 && !byCount.isEmpty(); i++) {
            Map.Entry<String, Integer> top = byCount.poll();
            out.append(top.getKey()).append('=').append(top.getValue()).append('\n');
        }
        TreeMap<String, Integer> sorted = new TreeMap<>(counts);
        out.append("first alphabetically: ").append(sorted.firstKey()).append(", last: ").append(sorted.lastKey()).append('\n');
        out.append("between b and d: ").append(sorted.subMap("b", "d").keySet()).append('\n');
        Iterator<String> firsts = firstSeen.iterator();
        out.append("first seen: ").append(firsts.next()).append(' ').append(firsts.next()).append('\n');
        Deque<String> stack = new ArrayDeque<>();
        words.stream().limit(4).forEach(stack::push);
        out.append("stacked: ").append(stack).append('\n');
        List<String> shuffled = new ArrayList<>(new TreeSet<>(words));
        Collections.reverse(shuffled);
        Collections.swap(shuffled, 0, shuffled.size() - 1);
        out.append("reversed and swapped: ").append(shuffled.subList(0, 3)).append('\n');
        LinkedList<Integer> lengths = new LinkedList<>();
        for (String word : firstSeen) {
            lengths.addFirst(word.length());
        }
        out.append("longest: ").append(Collections.max(lengths)).append(", distinct: ").append(counts.size())
                .append(", total: ").append(words.size()).append(", frequency of 'the': ").append(Collections.frequency(words, "the"));
        return Payload.text(out.toString());
    }
}
