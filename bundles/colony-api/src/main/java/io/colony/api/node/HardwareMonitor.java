package io.colony.api.node;

import org.osgi.annotation.versioning.ProviderType;

/** Samples this node's hardware; registered on every node (by the worker bundle), whatever its roles. */
@ProviderType
public interface HardwareMonitor {

    /** The latest sample, taken at most about a second ago; cheap to call. */
    HardwareStatus current();
}
