/** Reading configuration values at the edge: every malformed value is reported with its PID, key and reason. */
@Export
@Version("1.0.0")
package io.colony.api.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
