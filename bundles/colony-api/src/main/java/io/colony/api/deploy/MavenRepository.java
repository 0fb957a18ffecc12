package io.colony.api.deploy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Maven repository a manifest's bundles are resolved from.
 *
 * @param id  its id (letters, digits, '.', '_' and '-'), as in a POM's {@code <repository>}
 * @param url a {@code file:}, {@code http:} or {@code https:} URL of a Maven 2 layout repository
 */
public record MavenRepository(String id, String url) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** The longest URL accepted. */
    public static final int MAX_URL = 1024;

    /** @throws IllegalArgumentException naming the field ({@code id} or {@code url}) and what is wrong */
    public MavenRepository {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id: a repository id is 1 to 64 letters, digits, '.', '_' or '-', was "
                    + (id == null ? "missing" : "'" + shorten(id) + "'"));
        }
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("url: the repository's URL is missing");
        }
        if (url.length() > MAX_URL) {
            throw new IllegalArgumentException("url: at most " + MAX_URL + " characters, was " + url.length());
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url: '" + shorten(url) + "' is not a URL: " + e.getReason(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("file") && !scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("url: '" + shorten(url) + "' must be a file:, http: or https: URL");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("url: credentials in a repository URL are not accepted");
        }
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
