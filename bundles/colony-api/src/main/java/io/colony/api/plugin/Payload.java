package io.colony.api.plugin;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Bytes with a content type: the input and output of every task. Immutable; the byte array is
 * copied in and out so that a caller cannot change a payload that another thread reads.
 */
public final class Payload {

    public static final String TEXT = "text/plain; charset=utf-8";
    public static final String JSON = "application/json";
    public static final String BINARY = "application/octet-stream";
    public static final String PNG = "image/png";

    private static final Payload EMPTY = new Payload(new byte[0], BINARY);

    private final byte[] bytes;
    private final String contentType;

    private Payload(byte[] bytes, String contentType) {
        this.bytes = bytes;
        this.contentType = contentType;
    }

    /** A payload of the given bytes (copied) and content type. */
    public static Payload of(byte[] bytes, String contentType) {
        Objects.requireNonNull(bytes, "bytes");
        return new Payload(bytes.clone(), requireContentType(contentType));
    }

    /** UTF-8 text. */
    public static Payload text(String text) {
        return new Payload(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8), TEXT);
    }

    /** A JSON document given as text; use {@link JsonCodec#encode} to write an object as JSON. */
    public static Payload json(String json) {
        return new Payload(Objects.requireNonNull(json, "json").getBytes(StandardCharsets.UTF_8), JSON);
    }

    /** Zero bytes of {@value #BINARY}. */
    public static Payload empty() {
        return EMPTY;
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    public String contentType() {
        return contentType;
    }

    /** The bytes decoded as UTF-8, whatever the content type says. */
    public String asText() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** True for {@code application/json} and {@code application/*+json}, with any parameters. */
    public boolean isJson() {
        String mediaType = mediaType();
        return mediaType.equals(JSON) || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
    }

    /** True for {@code text/*} media types. */
    public boolean isText() {
        return mediaType().startsWith("text/");
    }

    /** The content type without parameters, lower case: {@code text/plain} for {@value #TEXT}. */
    public String mediaType() {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static String requireContentType(String contentType) {
        Objects.requireNonNull(contentType, "contentType");
        int slash = contentType.indexOf('/');
        if (slash <= 0 || slash == contentType.length() - 1 || contentType.isBlank()) {
            throw new IllegalArgumentException("content type '" + contentType + "' is not of the form type/subtype");
        }
        return contentType;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Payload that
                && contentType.equals(that.contentType)
                && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * contentType.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Payload[" + contentType + ", " + bytes.length + " bytes]";
    }
}
