package io.colony.api.source;

import java.util.List;
import java.util.stream.Collectors;

/** A job's compiled source refers to something the sandbox's allowlist does not allow; nothing of it was loaded. */
public final class VerificationException extends Exception {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 5;

    private final transient List<Violation> violations;

    /** @param violations what is refused, at least one */
    public VerificationException(List<Violation> violations) {
        super(summary(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a verification failure needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
        String text = violations.stream().limit(SHOWN).map(Violation::toString).collect(Collectors.joining("; "));
        int more = violations.size() - SHOWN;
        return "the source is refused by the sandbox: " + text + (more > 0 ? "; and " + more + " more" : "");
    }
}
