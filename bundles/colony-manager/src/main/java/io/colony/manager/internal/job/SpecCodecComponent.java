package io.colony.manager.internal.job;

import io.colony.api.job.JobRejectedException;
import io.colony.api.job.JobSpec;
import io.colony.api.job.JobSpecCodec;
import io.colony.manager.internal.json.JobSpecJson;
import org.osgi.service.component.annotations.Component;

/** Offers the job spec's JSON form to the REST API, the shell and anyone else on the node. */
@Component(service = JobSpecCodec.class)
public final class SpecCodecComponent implements JobSpecCodec {

    private final JobSpecJson json = new JobSpecJson();

    @Override
    public JobSpec read(byte[] bytes) throws JobRejectedException {
        return json.read(bytes);
    }

    @Override
    public byte[] write(JobSpec spec) {
        return json.write(spec);
    }
}
