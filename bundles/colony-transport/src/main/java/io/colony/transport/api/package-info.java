/**
 * The cluster transport: authenticated connections between nodes, request/response, heartbeats.
 * Messages are the Protocol Buffers types of {@code io.colony.transport.proto} (schema
 * {@code colony.proto}), wrapped in an {@code Envelope}; {@link io.colony.transport.api.Hardware} and
 * {@link io.colony.transport.api.SourceDiagnostics} convert shared API records to and from theirs.
 */
@Export
@Version("1.1.0")
package io.colony.transport.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
