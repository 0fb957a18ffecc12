package io.colony.api.job;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads and writes the JSON form of a {@link JobSpec}, the one schema the REST API, the shell and
 * files share (documented in {@code docs/jobs.md}). Registered by the manager.
 */
@ProviderType
public interface JobSpecCodec {

    /**
     * Reads a spec.
     *
     * @throws JobRejectedException with reason INVALID, naming the field at fault, when the bytes are
     *     not JSON, a field has the wrong type or value, or an unknown field is present
     */
    JobSpec read(byte[] json) throws JobRejectedException;

    /** Writes a spec; {@link #read} of the result gives an equal spec. */
    byte[] write(JobSpec spec);
}
