/** The cluster as a node sees it: the other nodes, their state and hardware, and membership events. */
@Export
@Version("1.0.0")
package io.colony.api.cluster;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
