/** What a node says about itself: its identity, roles and ports. */
@Export
@Version("1.1.0")
package io.colony.api.node;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
