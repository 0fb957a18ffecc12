/** The worker role as other bundles see it: which plugins it has and how to run one of them here. */
@Export
@Version("1.4.0")
package io.colony.api.worker;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
