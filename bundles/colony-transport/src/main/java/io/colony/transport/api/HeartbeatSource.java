package io.colony.transport.api;

import io.colony.transport.proto.Heartbeat;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Fills this node's outgoing heartbeats (availability, hardware status). Register one as a service;
 * the transport asks it once per heartbeat interval and sends the same heartbeat to every peer.
 */
@ConsumerType
@FunctionalInterface
public interface HeartbeatSource {

    Heartbeat heartbeat();
}
