package io.colony.manager.internal.json;

import static io.colony.manager.internal.json.SpecJson.CODEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.job.JobRejectedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The examples of {@code docs/jobs.md} are specs the codec reads, and its sample of the written form is exact. */
class JobsDocExamplesTest {

    private static final Path JOBS_MD = Path.of("..", "..", "docs", "jobs.md");
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\n(.*?)```", Pattern.DOTALL);

    private static List<String> examples() throws IOException {
        List<String> examples = new ArrayList<>();
        Matcher block = JSON_BLOCK.matcher(Files.readString(JOBS_MD));
        while (block.find()) {
            examples.add(block.group(1).strip());
        }
        return examples;
    }

    @Test
    void everyExampleIsAValidSpec() throws IOException, JobRejectedException {
        List<String> examples = examples();
        assertTrue(examples.size() >= 5, "examples found: " + examples.size());
        for (String example : examples) {
            CODEC.read(example.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void writtenFormExampleIsWhatTheCodecWrites() throws IOException, JobRejectedException {
        List<String> examples = examples();
        String written = examples.get(examples.size() - 1);
        assertEquals(written, new String(CODEC.write(CODEC.read(written.getBytes(StandardCharsets.UTF_8))),
                StandardCharsets.UTF_8));
    }
}
