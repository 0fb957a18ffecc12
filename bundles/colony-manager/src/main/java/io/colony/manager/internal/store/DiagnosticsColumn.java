package io.colony.manager.internal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.colony.api.source.Diagnostic;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code tasks.diagnostics} column: the compiler's messages of a source task as JSON,
 * {@code [{"kind": "ERROR", "file": "demo/Squares.java", "line": 12, "column": 5, "message": "';' expected"}, ...]},
 * or NULL for a task without any.
 */
final class DiagnosticsColumn {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DiagnosticsColumn() {
    }

    static String write(List<Diagnostic> diagnostics) {
        if (diagnostics.isEmpty()) {
            return null;
        }
        ArrayNode array = JSON.createArrayNode();
        for (Diagnostic diagnostic : diagnostics) {
            array.addObject().put("kind", diagnostic.kind()).put("file", diagnostic.file()).put("line", diagnostic.line())
                    .put("column", diagnostic.column()).put("message", diagnostic.message());
        }
        return array.toString();
    }

    /**
     * @throws StoreException when the column holds something else than {@link #write} writes
     */
    static List<Diagnostic> read(String column) {
        if (column == null) {
            return List.of();
        }
        try {
            JsonNode array = JSON.readTree(column);
            if (!array.isArray()) {
                throw new IllegalArgumentException("not a JSON array");
            }
            List<Diagnostic> diagnostics = new ArrayList<>();
            for (JsonNode node : array) {
                diagnostics.add(new Diagnostic(node.required("kind").asText(), node.required("file").asText(),
                        node.required("line").asLong(), node.required("column").asLong(), node.required("message").asText()));
            }
            return diagnostics;
        } catch (JsonProcessingException e) {
            throw unreadable(column, new UncheckedIOException(e));
        } catch (IllegalArgumentException e) {
            throw unreadable(column, e);
        }
    }

    private static StoreException unreadable(String column, RuntimeException cause) {
        return new StoreException("a task's compiler diagnostics in the store are not readable: " + column, cause);
    }
}
