package io.colony.transport.internal;

import com.google.protobuf.ByteString;
import io.colony.transport.proto.ChallengeResponse;
import io.colony.transport.proto.Envelope;
import io.colony.transport.proto.Hello;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A plain socket speaking (or abusing) the protocol by hand: the attacker and the silent peer of tests. */
final class RawClient implements AutoCloseable {

    private final Socket socket = new Socket();
    private final DataOutputStream out;
    private final DataInputStream in;

    RawClient(int port) throws IOException {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(5000);
        out = new DataOutputStream(socket.getOutputStream());
        in = new DataInputStream(socket.getInputStream());
    }

    void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void writeLength(long length) throws IOException {
        out.writeInt((int) length);
        out.flush();
    }

    void write(Envelope envelope) throws IOException {
        byte[] bytes = envelope.toByteArray();
        out.writeInt(bytes.length);
        out.write(bytes);
        out.flush();
    }

    /** The next envelope, or null when the server closed the connection. */
    Envelope read() throws IOException {
        try {
            int length = in.readInt();
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            return Envelope.parseFrom(bytes);
        } catch (EOFException e) {
            return null;
        }
    }

    /** Reads until the server closes the connection; the last Error it sent, if any. */
    Envelope readUntilClosed() throws IOException {
        Envelope error = null;
        try {
            for (Envelope next = read(); next != null; next = read()) {
                if (next.hasError()) {
                    error = next;
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not close the connection within 5 s", e);
        } catch (IOException e) {
            // connection reset: closed as well
        }
        return error;
    }

    /** Runs the client side of the handshake as node {@code nodeId}; returns the server's Welcome. */
    Envelope handshake(String nodeId, String cluster, String secret) throws IOException {
        byte[] nonce = HandshakeProof.nonce();
        write(Envelope.newBuilder().setHello(Hello.newBuilder().setProtocolVersion(TransportContext.PROTOCOL_VERSION)
                .setNodeId(nodeId).setClusterName(cluster).setNonce(ByteString.copyFrom(nonce))).build());
        Envelope challenge = read();
        if (challenge == null || !challenge.hasChallenge()) {
            throw new AssertionError("expected a Challenge, got " + challenge);
        }
        Hello server = challenge.getChallenge().getHello();
        byte[] proof = new HandshakeProof(secret.getBytes(StandardCharsets.UTF_8))
                .prove(HandshakeProof.CLIENT, server.getNonce().toByteArray(), nodeId, server.getNodeId());
        write(Envelope.newBuilder().setChallengeResponse(ChallengeResponse.newBuilder().setProof(ByteString.copyFrom(proof))).build());
        return read();
    }

    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
