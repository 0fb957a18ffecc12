package io.colony.transport.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HandshakeProofTest {

    private final HandshakeProof proof = new HandshakeProof("secret".getBytes(StandardCharsets.UTF_8));
    private final byte[] nonce = HandshakeProof.nonce();

    @Test
    void proofVerifiesForTheSameDirectionNonceAndIds() {
        byte[] p = proof.prove(HandshakeProof.CLIENT, nonce, "a", "b");
        assertTrue(proof.verify(p, HandshakeProof.CLIENT, nonce, "a", "b"));
    }

    @Test
    void proofCannotBeReflectedOrReplayed() {
        byte[] p = proof.prove(HandshakeProof.CLIENT, nonce, "a", "b");
        assertFalse(proof.verify(p, HandshakeProof.SERVER, nonce, "a", "b"), "other direction");
        assertFalse(proof.verify(p, HandshakeProof.CLIENT, nonce, "b", "a"), "ids swapped");
        assertFalse(proof.verify(p, HandshakeProof.CLIENT, HandshakeProof.nonce(), "a", "b"), "other nonce");
        assertFalse(new HandshakeProof("other".getBytes(StandardCharsets.UTF_8)).verify(p, HandshakeProof.CLIENT, nonce, "a", "b"), "other secret");
    }
}
