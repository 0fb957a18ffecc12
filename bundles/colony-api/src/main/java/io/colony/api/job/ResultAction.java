package io.colony.api.job;

import java.net.URI;
import java.util.Objects;

/** What the manager does with a job's result when the job ends. */
public sealed interface ResultAction {

    /** Keep it for the retention period, for the submitter to fetch (the default). */
    record Return() implements ResultAction {
    }

    /** Keep it until the job is deleted, exempt from the retention period. */
    record Keep() implements ResultAction {
    }

    /**
     * POST it to a URL (the result's bytes with its content type, and headers {@code X-Colony-Job}
     * and {@code X-Colony-Status}), and keep it for the retention period.
     */
    record Post(URI url) implements ResultAction {
        public Post {
            Objects.requireNonNull(url, "url");
            String scheme = url.getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException("result.url: must be an http or https URL, was " + url);
            }
        }
    }
}
