package io.colony.sandbox.internal.process;

import java.io.IOException;
import java.lang.System.Logger.Level;

/** Closes a child after its work, logging what could not be cleaned up: that never changes the work's outcome. */
final class ChildCleanup {

    private static final System.Logger LOG = System.getLogger(ChildCleanup.class.getName());

    private ChildCleanup() {
    }

    static void close(Child child) {
        if (child == null) {
            return;
        }
        try {
            child.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "colony sandbox: cleaning up after " + child + " failed: " + e.getMessage());
        }
    }
}
