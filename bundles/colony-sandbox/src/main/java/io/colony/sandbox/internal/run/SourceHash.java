package io.colony.sandbox.internal.run;

import io.colony.api.source.SourceCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The SHA-256 of everything that decides what a source prepares to: the cache key and {@code CompiledSource.hash()}. */
public final class SourceHash {

    private SourceHash() {
    }

    public static String of(SourceCode source, List<String> compilerOptions, List<String> allowlistExtensions) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        field(digest, "entry", source.entryClass());
        for (Map.Entry<String, String> file : source.files().entrySet()) {
            field(digest, "path", file.getKey());
            field(digest, "text", file.getValue());
        }
        compilerOptions.forEach(option -> field(digest, "option", option));
        allowlistExtensions.forEach(entry -> field(digest, "allow", entry));
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Each value with its tag and length, so that no two different inputs give the same bytes. */
    private static void field(MessageDigest digest, String tag, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(tag.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(bytes);
    }
}
