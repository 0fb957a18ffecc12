package io.colony.worker.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A service that a component may or may not have (an optional, dynamic reference), and the listeners told when it
 * comes or goes.
 */
final class OptionalService<T> {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Consumer<RuntimeException> listenerFailed;
    private volatile T service;

    /** @param listenerFailed told when a listener throws; the other listeners are still called */
    OptionalService(Consumer<RuntimeException> listenerFailed) {
        this.listenerFailed = listenerFailed;
    }

    /** The service now, or {@code null}. */
    T get() {
        return service;
    }

    boolean isPresent() {
        return service != null;
    }

    void bind(T value) {
        service = value;
        changed();
    }

    /** Forgets the service if it is still this one. */
    void unbind(T value) {
        if (service == value) {
            service = null;
            changed();
        }
    }

    /** Calls the listener whenever the service may have come or gone; closing the handle removes it. */
    AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void changed() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                listenerFailed.accept(e);
            }
        }
    }
}
