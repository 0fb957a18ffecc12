package io.colony.deployer.internal.resolve;

/**
 * Makes this bundle's class loader the thread's context class loader until closed, for the parts of
 * the embedded resolver stack that look classes and resources up through it.
 */
final class OwnClassLoader implements AutoCloseable {

    private final Thread thread;
    private final ClassLoader previous;

    private OwnClassLoader() {
        thread = Thread.currentThread();
        previous = thread.getContextClassLoader();
        thread.setContextClassLoader(OwnClassLoader.class.getClassLoader());
    }

    static OwnClassLoader set() {
        return new OwnClassLoader();
    }

    @Override
    public void close() {
        thread.setContextClassLoader(previous);
    }
}
