/**
 * The trust policy: the one service that every path (manager and worker) asks before running
 * anything. Ask {@link io.colony.api.trust.TrustPolicy#check(io.colony.api.trust.Request)} with what
 * is about to run and obey the {@link io.colony.api.trust.Decision}; when no policy service is
 * present, run nothing but operator-installed plugins.
 */
@Export
@Version("1.2.0")
package io.colony.api.trust;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
