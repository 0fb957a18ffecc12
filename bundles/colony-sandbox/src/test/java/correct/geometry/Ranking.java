package correct.geometry;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** A generic container with a bound, an inner iterator class and varargs. */
public final class Ranking<T extends Comparable<? super T>> implements Iterable<T> {

    private final List<T> items = new ArrayList<>();

    @SafeVarargs
    public static <T extends Comparable<? super T>> Ranking<T> of(T... items) {
        Ranking<T> ranking = new Ranking<>();
        for (T item : items) {
            ranking.add(item);
        }
        return ranking;
    }

    public void add(T item) {
        int at = 0;
        while (at < items.size() && items.get(at).compareTo(item) >= 0) {
            at++;
        }
        items.add(at, item);
    }

    public T best() {
        if (items.isEmpty()) {
            throw new NoSuchElementException("an empty ranking has no best");
        }
        return items.get(0);
    }

    @Override
    public Iterator<T> iterator() {
        return new Walker();
    }

    private final class Walker implements Iterator<T> {
        private int next;

        @Override
        public boolean hasNext() {
            return next < items.size();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return items.get(next++);
        }
    }
}
