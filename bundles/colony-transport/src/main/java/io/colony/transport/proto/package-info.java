/**
 * The wire messages, generated at build time from {@code src/main/proto/colony.proto}. The package
 * version follows the protocol: a new major protocol version is a new major package version.
 */
@Export
@Version("1.1.0")
package io.colony.transport.proto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
