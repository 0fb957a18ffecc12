package io.colony.tracker.internal;

/** A request the tracker refuses; the message is {@code "<field>: <reason>"}, as the client sees it. */
final class InvalidRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidRequestException(String field, String reason) {
        super(field + ": " + reason, null, false, false);
    }
}
