package io.colony.http.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The API tokens a node accepts. A presented token is compared with every accepted one in time that
 * depends neither on where they differ nor on their lengths: both sides are hashed first and the
 * digests compared with {@link MessageDigest#isEqual}, and every accepted token is always checked.
 */
public final class ApiTokens {

    public static final String RULE = "must be 16 to 512 characters of A-Z a-z 0-9 - . _ ~ + / =";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/=-]{16,512}");

    private final List<byte[]> digests;

    private ApiTokens(List<byte[]> digests) {
        this.digests = digests;
    }

    /** @throws IllegalArgumentException when there is no token or one breaks {@link #RULE} */
    public static ApiTokens of(List<String> tokens) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("tokens: at least one token is required");
        }
        for (String token : tokens) {
            if (!isValid(token)) {
                throw new IllegalArgumentException("tokens: " + RULE);
            }
        }
        return new ApiTokens(tokens.stream().map(ApiTokens::digest).toList());
    }

    public static boolean isValid(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    public boolean accepts(String presented) {
        byte[] digest = digest(presented);
        boolean accepted = false;
        for (byte[] candidate : digests) {
            accepted |= MessageDigest.isEqual(candidate, digest);
        }
        return accepted;
    }

    public int size() {
        return digests.size();
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
