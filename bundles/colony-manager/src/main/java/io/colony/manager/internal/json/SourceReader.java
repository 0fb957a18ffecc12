package io.colony.manager.internal.json;

import static io.colony.manager.internal.json.SpecFields.SOURCE;
import static io.colony.manager.internal.json.SpecFields.SOURCE_ENTRY_CLASS;
import static io.colony.manager.internal.json.SpecFields.SOURCE_FILES;

import com.fasterxml.jackson.databind.JsonNode;
import io.colony.api.job.JobRejectedException;
import io.colony.api.source.SourceCode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a job spec's {@code source} object (topology 3); every failure names its field, such as {@code source.files}. */
final class SourceReader {

    private static final List<String> FIELDS = List.of(SOURCE_FILES, SOURCE_ENTRY_CLASS);

    private SourceReader() {
    }

    static SourceCode read(JsonNode source) throws JobRejectedException {
        if (!source.isObject()) {
            throw JsonValues.wrongType(SOURCE, "an object with files and entryClass", source);
        }
        JsonValues.requireKnownFields(source, SOURCE, FIELDS);
        String filesPath = JsonValues.field(SOURCE, SOURCE_FILES);
        JsonNode files = JsonValues.required(source, SOURCE_FILES, filesPath);
        if (!files.isObject()) {
            throw JsonValues.wrongType(filesPath, "an object from source path (demo/Squares.java) to source text", files);
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> each = files.fields(); each.hasNext(); ) {
            Map.Entry<String, JsonNode> file = each.next();
            texts.put(file.getKey(), JsonValues.text(file.getValue(), JsonValues.field(filesPath, file.getKey())));
        }
        String entryPath = JsonValues.field(SOURCE, SOURCE_ENTRY_CLASS);
        String entryClass = JsonValues.nonBlankText(JsonValues.required(source, SOURCE_ENTRY_CLASS, entryPath), entryPath);
        try {
            return new SourceCode(texts, entryClass);
        } catch (IllegalArgumentException e) {
            throw SpecReader.rejected("", e);
        }
    }
}
