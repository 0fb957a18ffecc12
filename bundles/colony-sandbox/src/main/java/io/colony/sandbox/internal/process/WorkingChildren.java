package io.colony.sandbox.internal.process;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The children a runner or compiler has at work, so that closing it stops them; once closed, it takes no more. */
final class WorkingChildren {

    private final Set<Child> working = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** @return false, with the child closed, when this was closed already */
    boolean add(Child child) {
        working.add(child);
        if (closed) {
            working.remove(child);
            ChildCleanup.close(child);
            return false;
        }
        return true;
    }

    void remove(Child child) {
        if (child != null) {
            working.remove(child);
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Kills every child at work; their runs end as failed. */
    void close() {
        closed = true;
        working.forEach(ChildCleanup::close);
    }
}
