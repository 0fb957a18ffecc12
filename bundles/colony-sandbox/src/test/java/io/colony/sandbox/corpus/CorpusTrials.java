package io.colony.sandbox.corpus;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The trials of the whole corpus in one isolation, started together the first time one is asked for and run a few at
 * a time (as a worker runs several tasks at once), so that the corpus takes minutes, not many.
 */
final class CorpusTrials implements AutoCloseable {

    /** What one program did, and how long it kept the sandbox. */
    record Result(ActualOutcome outcome, long millis) {
    }

    private final List<HostileProgram> programs;
    private final Function<HostileProgram, ActualOutcome> trial;
    private final ExecutorService pool;
    private final Map<String, Future<Result>> started = new LinkedHashMap<>();

    CorpusTrials(List<HostileProgram> programs, int parallel, String name, Function<HostileProgram, ActualOutcome> trial) {
        this.programs = programs;
        this.trial = trial;
        this.pool = Executors.newFixedThreadPool(parallel, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @throws TimeoutException when the program was neither refused nor stopped in time (its trial is interrupted) */
    Result await(HostileProgram program, Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        Future<Result> result = startAll().get(program.name());
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw e;
        }
    }

    private synchronized Map<String, Future<Result>> startAll() {
        if (started.isEmpty()) {
            for (HostileProgram program : programs) {
                started.put(program.name(), pool.submit(() -> {
                    long start = System.nanoTime();
                    ActualOutcome outcome = trial.apply(program);
                    return new Result(outcome, (System.nanoTime() - start) / 1_000_000);
                }));
            }
        }
        return started;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
