package io.colony.manager.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.colony.api.job.JobRejectedException;
import io.colony.api.job.JobSpec;
import io.colony.api.job.JobSpecCodec;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The JSON form of a {@link JobSpec}, as documented in {@code docs/jobs.md}. Reading checks every field and names the
 * first that is not valid by its JSON path; writing gives the canonical form, which reads back equal. Thread-safe:
 * one configured mapper, never changed after construction, serves every call.
 */
public final class JobSpecJson implements JobSpecCodec {

    private final ObjectMapper mapper;

    public JobSpecJson() {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    @Override
    public JobSpec read(byte[] json) throws JobRejectedException {
        Objects.requireNonNull(json, "json");
        return SpecReader.read(SpecBody.parse(mapper, json));
    }

    @Override
    public byte[] write(JobSpec spec) {
        Objects.requireNonNull(spec, "spec");
        try {
            return mapper.writeValueAsBytes(SpecWriter.write(spec, mapper));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a JSON tree", e);
        }
    }
}
