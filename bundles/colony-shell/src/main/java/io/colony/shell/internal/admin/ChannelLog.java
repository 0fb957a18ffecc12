package io.colony.shell.internal.admin;

/** Where the admin channel reports what happens: the OSGi logger in a node, a list in tests. */
public interface ChannelLog {

    void info(String message);

    void warn(String message);

    void debug(String message);
}
