/**
 * The plugin SPI: a plugin is an OSGi service implementing {@link io.colony.api.plugin.Plugin},
 * registered with the properties {@value io.colony.api.plugin.Plugin#NAME} and
 * {@value io.colony.api.plugin.Plugin#VERSION} (most easily through {@link io.colony.api.plugin.ColonyPlugin}).
 */
@Export
@Version("1.0.0")
package io.colony.api.plugin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
