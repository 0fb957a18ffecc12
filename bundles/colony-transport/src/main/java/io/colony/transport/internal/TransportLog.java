package io.colony.transport.internal;

/** Where the transport reports what happened: the OSGi log in a node, a list in tests. */
public interface TransportLog {

    void debug(String message);

    void info(String message);

    void warn(String message);
}
