package correct;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.TaskContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** Exceptions thrown and caught by the program itself: its own types, finally, try-with-resources, multi-catch, suppressed. */
public class OwnExceptions implements Plugin {

    static class ValidationException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int code;

        ValidationException(String message, int code, Throwable cause) {
            super(message, cause);
            this.code = code;
        }

        int code() {
            return code;
        }
    }

    static final class TooLargeException extends ValidationException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long value) {
            super("too large: " + value, 413, null);
        }
    }

    final class Resource implements AutoCloseable {
        private final String name;
        private final boolean failOnClose;

        Resource(String name, boolean failOnClose) {
            this.name = name;
            this.failOnClose = failOnClose;
            events.add("open " + name);
        }

        @Override
        public void close() {
            events.add("close " + name);
            if (failOnClose) {
                throw new IllegalStateException("cannot close " + name);
            }
        }
    }

    private final List<String> events = new ArrayList<>();

    @Override
    public Payload execute(Payload input, TaskContext context) {
        events.clear();
        int valid = 0;
        int total = 0;
        for (String token : input.asText().split(",")) {
            try {
                total += check(token.trim());
                valid++;
            } catch (TooLargeException e) {
                events.add("large(" + e.code() + "): " + e.getMessage());
            } catch (ValidationException e) {
                events.add("invalid(" + e.code() + "): " + e.getMessage() + " <- " + e.getCause().getClass().getSimpleName());
            } finally {
                events.add("checked " + token.trim());
            }
        }
        try (Resource first = new Resource("a", false); Resource second = new Resource("b", true)) {
            events.add("using " + first.name + second.name);
            throw new IllegalArgumentException("failed while using");
        } catch (IllegalArgumentException e) {
            events.add("caught " + e.getMessage() + " suppressed " + e.getSuppressed().length + ": " + e.getSuppressed()[0].getMessage());
        }
        try {
            Object value = List.of(1, 2).get(5);
            events.add("never " + value);
        } catch (IndexOutOfBoundsException | NoSuchElementException e) {
            events.add("out of bounds");
        }
        try {
            events.add("sum " + Math.addExact(Integer.MAX_VALUE, valid));
        } catch (ArithmeticException e) {
            events.add("overflow: " + e.getMessage());
        }
        try {
            Map.of("k", 1).put("x", 2);
        } catch (UnsupportedOperationException e) {
            events.add("immutable");
        }
        events.add("nested: " + nested());
        try {
            Object text = "text";
            Integer number = (Integer) text;
            events.add("never " + number);
        } catch (ClassCastException e) {
            events.add("class cast");
        }
        String outcome = "valid " + valid + ", total " + total + "\n" + String.join("\n", events);
        return Payload.text(outcome);
    }

    private static int check(String token) throws ValidationException {
        int value;
        try {
            value = Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw new ValidationException("not a number: '" + token + "'", 400, e);
        }
        if (value > 1000) {
            throw new TooLargeException(value);
        }
        try {
            return 1000 / value;
        } catch (ArithmeticException e) {
            throw new ValidationException("zero", 422, e);
        }
    }

    @SuppressWarnings("finally")
    private static String nested() {
        StringBuilder trace = new StringBuilder();
        try {
            try {
                trace.append("try ");
                throw new IllegalStateException("inner");
            } finally {
                trace.append("inner-finally ");
            }
        } catch (IllegalStateException e) {
            trace.append("caught-").append(e.getMessage()).append(' ');
            return trace.append("return").toString();
        } finally {
            trace.append(" (finally after return)");
        }
    }
}
