package io.colony.trust.internal;

import io.colony.api.deploy.MavenRepository;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A Maven repository URL in a form that can be compared: scheme and host in lower case, no default
 * port, no trailing slash, the path decoded, and {@code file:/x}, {@code file:///x} and
 * {@code file://localhost/x} all written {@code file:///x}.
 *
 * <p>What could make the URL mean something else to a server than to this comparison is refused
 * rather than normalised: a {@code .} or {@code ..} path segment (also {@code ..;x}, which some
 * servers treat as {@code ..}), an encoded slash or backslash, control characters, credentials, a
 * query or a fragment.
 *
 * @param normalised the comparable form
 */
record RepositoryUrl(String normalised) {

    /** The longest URL accepted: as long as a manifest's repository URL may be. */
    static final int MAX_CHARS = MavenRepository.MAX_URL;

    /** @throws IllegalArgumentException saying what is wrong with the URL (without repeating it) */
    static RepositoryUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a repository URL is missing");
        }
        if (text.length() > MAX_CHARS) {
            throw new IllegalArgumentException("longer than " + MAX_CHARS + " characters");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("file") && !scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("not a file:, http: or https: URL");
        }
        if (uri.isOpaque()) {
            throw new IllegalArgumentException("not an absolute URL (file: URLs are written file:/path or file:///path)");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("credentials in a repository URL are not accepted");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("a repository URL has no query or fragment");
        }
        return new RepositoryUrl(scheme + "://" + authority(scheme, uri) + path(uri));
    }

    /** Whether this URL is {@code allowed} or lies below it (the next character being '/'). */
    boolean isWithin(RepositoryUrl allowed) {
        return normalised.equals(allowed.normalised) || normalised.startsWith(allowed.normalised + "/");
    }

    @Override
    public String toString() {
        return normalised;
    }

    private static String authority(String scheme, URI uri) {
        if (uri.getHost() == null) {
            if (uri.getRawAuthority() != null) {
                throw new IllegalArgumentException("the host " + Quoted.of(uri.getRawAuthority()) + " is not a valid host name");
            }
            if (!scheme.equals("file")) {
                throw new IllegalArgumentException("an " + scheme + ": URL needs a host");
            }
            return "";
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (scheme.equals("file") && host.equals("localhost") && port < 0) {
            return "";
        }
        boolean defaultPort = port < 0 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return defaultPort ? host : host + ":" + port;
    }

    private static String path(URI uri) {
        String raw = uri.getRawPath().toLowerCase(Locale.ROOT);
        if (raw.contains("%2f") || raw.contains("%5c")) {
            throw new IllegalArgumentException("an encoded '/' or '\\' (%2F, %5C) in the path is not accepted");
        }
        String path = uri.getPath();
        for (int i = 0; i < path.length(); i++) {
            if (Character.isISOControl(path.charAt(i))) {
                throw new IllegalArgumentException("control characters in the path are not accepted");
            }
        }
        for (String segment : path.split("/", -1)) {
            String name = segment.contains(";") ? segment.substring(0, segment.indexOf(';')) : segment;
            if (name.equals(".") || name.equals("..")) {
                throw new IllegalArgumentException("'.' and '..' path segments are not accepted");
            }
        }
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }
}
