package io.colony.sandbox.internal.process;

import java.io.IOException;

/** A child JVM could not be started, or did not answer in time; the message says why, with its last stderr lines. */
final class ChildStartException extends IOException {

    private static final long serialVersionUID = 1L;

    ChildStartException(String message) {
        super(message);
    }

    ChildStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
