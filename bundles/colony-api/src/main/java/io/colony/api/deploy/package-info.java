/**
 * Topology 2: plugins obtained from Maven repositories. A job's {@link io.colony.api.deploy.Manifest}
 * names the bundles and the repositories; a worker's {@link io.colony.api.deploy.Deployer} resolves
 * them (with their dependencies), installs them into the node's framework and hands back a
 * {@link io.colony.api.deploy.Deployment} that the task holds while it runs.
 */
@Export
@Version("1.0.0")
package io.colony.api.deploy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
