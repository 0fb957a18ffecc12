/** Cluster-wide messages: a node sends data to another node, or to every node of a role. */
@Export
@Version("1.0.0")
package io.colony.api.message;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
