package io.colony.manager.internal.json;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.colony.api.job.JobRejectedException;
import io.colony.api.job.JobSpec;
import java.nio.charset.StandardCharsets;

/** What the codec tests share: one codec, as in a node, and reads of JSON written with single quotes. */
final class SpecJson {

    static final JobSpecJson CODEC = new JobSpecJson();

    private SpecJson() {
    }

    /** The text with its single quotes turned into double quotes, so that tests read like the JSON they send. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static JobSpec read(String singleQuoted) throws JobRejectedException {
        return CODEC.read(json(singleQuoted).getBytes(StandardCharsets.UTF_8));
    }

    static String write(JobSpec spec) {
        return new String(CODEC.write(spec), StandardCharsets.UTF_8);
    }

    static JobRejectedException rejection(byte[] body) {
        return assertThrows(JobRejectedException.class, () -> CODEC.read(body));
    }

    static JobRejectedException rejection(String singleQuoted) {
        return rejection(json(singleQuoted).getBytes(StandardCharsets.UTF_8));
    }

    /** Asserts that the body is refused as INVALID because of the field, with exactly that message. */
    static void assertRejected(String singleQuoted, String field, String message) {
        JobRejectedException rejection = rejection(singleQuoted);
        assertAll(
                () -> assertEquals(JobRejectedException.Reason.INVALID, rejection.reason()),
                () -> assertEquals(field, rejection.field()),
                () -> assertEquals(message, rejection.getMessage()));
    }
}
