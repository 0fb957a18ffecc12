package io.colony.transport.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The proofs of the handshake: HMAC-SHA256 keyed by the cluster secret over a direction label, the
 * verifier's nonce and both node ids. The label and the ids keep a proof from being reflected back
 * or replayed towards another node; the nonce keeps it from being replayed later.
 */
public final class HandshakeProof {

    public static final int NONCE_BYTES = 32;
    public static final String CLIENT = "colony-handshake-client-v1";
    public static final String SERVER = "colony-handshake-server-v1";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public HandshakeProof(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public static byte[] nonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    public byte[] prove(String direction, byte[] verifierNonce, String proverId, String verifierId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            update(mac, direction.getBytes(StandardCharsets.UTF_8));
            update(mac, verifierNonce);
            update(mac, proverId.getBytes(StandardCharsets.UTF_8));
            update(mac, verifierId.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public boolean verify(byte[] proof, String direction, byte[] verifierNonce, String proverId, String verifierId) {
        return MessageDigest.isEqual(proof, prove(direction, verifierNonce, proverId, verifierId));
    }

    private static void update(Mac mac, byte[] field) {
        mac.update(ByteBuffer.allocate(4).putInt(field.length).array());
        mac.update(field);
    }
}
