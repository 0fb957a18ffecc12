/**
 * Topology 3: Java source carried by a job. A worker's {@link io.colony.api.source.SourceSandbox}
 * compiles the {@link io.colony.api.source.SourceCode} in memory, verifies every class against an
 * allowlist of safe JDK and Colony API members, and runs the entry class (a
 * {@link io.colony.api.plugin.Plugin}) with the limits of a {@link io.colony.api.source.SandboxPolicy},
 * in the worker's process or in a child JVM.
 */
@Export
@Version("1.0.0")
package io.colony.api.source;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
