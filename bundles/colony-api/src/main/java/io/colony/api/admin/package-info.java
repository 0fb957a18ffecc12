/**
 * The node's admin channel: how {@code bin/colony client} reaches a running node's Gogo shell over
 * loopback, authenticated by the node's admin secret. Plain Java, so that the launcher can use it
 * outside the framework.
 */
@Export
@Version("1.0.0")
package io.colony.api.admin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
