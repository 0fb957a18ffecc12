package io.colony.sandbox.internal.process.protocol;

import java.io.IOException;

/** The other side of a child JVM's pipe sent something that is not a well-formed frame of this protocol. */
public class ProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }
}
