package io.colony.api.job;

import java.util.List;
import java.util.Objects;

/**
 * Where a job's tasks may run. A job without a split runs once on {@link Any} worker, or once on
 * each worker of {@link All}, {@link Workers} or {@link Query} (a pool); a split job spreads its
 * chunks over the workers its targets allow.
 */
public sealed interface Targets {

    /** Any worker that has the plugin. */
    record Any() implements Targets {
    }

    /** Every worker available when the job is submitted. */
    record All() implements Targets {
    }

    /** The workers with these ids; each must be known when the job is submitted. */
    record Workers(List<String> ids) implements Targets {
        public Workers {
            ids = List.copyOf(Objects.requireNonNull(ids, "ids"));
            if (ids.isEmpty()) {
                throw new IllegalArgumentException("targets.workers: name at least one worker");
            }
            if (ids.stream().distinct().count() != ids.size()) {
                throw new IllegalArgumentException("targets.workers: a worker is named twice");
            }
        }
    }

    /**
     * The workers matching a query over hardware and user data, such as
     * {@code cores >= 4 && data.gpu == true}.
     */
    record Query(String expression) implements Targets {
        public Query {
            Objects.requireNonNull(expression, "expression");
        }
    }

    static Targets any() {
        return new Any();
    }

    static Targets all() {
        return new All();
    }

    static Targets workers(String... ids) {
        return new Workers(List.of(ids));
    }

    static Targets query(String expression) {
        return new Query(expression);
    }

    /** Whether a job without a split runs one task per target worker rather than one task in all. */
    default boolean fansOut() {
        return !(this instanceof Any);
    }
}
