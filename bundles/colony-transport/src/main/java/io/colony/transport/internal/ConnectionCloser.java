package io.colony.transport.internal;

import io.colony.transport.proto.Error.Code;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.util.AttributeKey;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection for a reason: stops reading from it, tells the peer why (when it still can),
 * closes it, and logs one line with the remote address and the reason. Only the first reason counts.
 */
final class ConnectionCloser {

    private static final AttributeKey<String> REASON = AttributeKey.valueOf("colony.close.reason");
    private static final long ERROR_WRITE_GRACE_MILLIS = 1000;

    private final TransportLog log;

    ConnectionCloser(TransportLog log) {
        this.log = log;
    }

    /** Closes with an Error frame to the peer, for something that went wrong (logged as a warning). */
    void close(Channel channel, Code code, String reason) {
        close(channel, code, reason, true);
    }

    /** Closes with an Error frame to the peer, because this node decided so (logged as information). */
    void closeDeliberately(Channel channel, Code code, String reason) {
        close(channel, code, reason, false);
    }

    private void close(Channel channel, Code code, String reason, boolean warn) {
        if (!recordReason(channel, reason)) {
            return;
        }
        String line = "Transport: closing connection with " + describe(channel) + ": " + reason;
        if (warn) {
            log.warn(line);
        } else {
            log.info(line);
        }
        channel.config().setAutoRead(false);
        if (!channel.isActive()) {
            channel.close();
            return;
        }
        channel.writeAndFlush(Envelopes.error(code, reason)).addListener(ChannelFutureListener.CLOSE);
        channel.eventLoop().schedule(() -> channel.close(), ERROR_WRITE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Closes without telling the peer (it told us, or it is gone); logs at the given importance. */
    void closeQuietly(Channel channel, String reason, boolean warn) {
        if (!recordReason(channel, reason)) {
            return;
        }
        String line = "Transport: connection with " + describe(channel) + " closed: " + reason;
        if (warn) {
            log.warn(line);
        } else {
            log.info(line);
        }
        channel.close();
    }

    /** Records the reason the connection closed, if none was recorded yet; true if this one was the first. */
    static boolean recordReason(Channel channel, String reason) {
        return channel.attr(REASON).setIfAbsent(reason) == null;
    }

    static String reason(Channel channel, String otherwise) {
        String reason = channel.attr(REASON).get();
        return reason != null ? reason : otherwise;
    }

    static String describe(Channel channel) {
        PeerConnection peer = channel.attr(PeerConnection.KEY).get();
        String address = String.valueOf(channel.remoteAddress());
        return peer == null ? address : "node " + peer.nodeId() + " (" + address + ")";
    }
}
