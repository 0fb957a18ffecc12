package io.colony.api.deploy;

import java.util.regex.Pattern;

/**
 * Maven coordinates of one artifact, as a manifest names them.
 *
 * @param groupId    e.g. {@code org.apache.commons}
 * @param artifactId e.g. {@code commons-math3}
 * @param extension  {@code jar} unless given
 * @param classifier empty unless given
 * @param version    an exact version; ranges and {@code LATEST} are refused, so that a job runs what it names
 */
public record Coordinates(String groupId, String artifactId, String extension, String classifier, String version) {

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._+-]{0,63}");

    /** @throws IllegalArgumentException saying which part is wrong */
    public Coordinates {
        extension = extension == null || extension.isEmpty() ? "jar" : extension;
        classifier = classifier == null ? "" : classifier;
        check("groupId", groupId);
        check("artifactId", artifactId);
        check("extension", extension);
        if (!classifier.isEmpty()) {
            check("classifier", classifier);
        }
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("version '" + version + "' is not an exact version (ranges, LATEST and RELEASE are not accepted)");
        }
        if (version.equals("LATEST") || version.equals("RELEASE")) {
            throw new IllegalArgumentException("version " + version + " is not accepted: name an exact version");
        }
    }

    /**
     * Parses {@code group:artifact:version}, {@code group:artifact:extension:version},
     * {@code group:artifact:extension:classifier:version} or {@code mvn:group/artifact/version[/extension[/classifier]]}.
     *
     * @throws IllegalArgumentException saying what is wrong, with the text quoted
     */
    public static Coordinates parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("coordinates are missing");
        }
        String trimmed = text.strip();
        if (trimmed.length() > 400) {
            throw new IllegalArgumentException("coordinates are at most 400 characters, were " + trimmed.length());
        }
        try {
            if (trimmed.startsWith("mvn:")) {
                String[] parts = trimmed.substring(4).split("/", -1);
                if (parts.length < 3 || parts.length > 5) {
                    throw new IllegalArgumentException("expected mvn:group/artifact/version[/extension[/classifier]]");
                }
                return new Coordinates(parts[0], parts[1], parts.length > 3 && !parts[3].isEmpty() ? parts[3] : "jar",
                        parts.length > 4 ? parts[4] : "", parts[2]);
            }
            String[] parts = trimmed.split(":", -1);
            return switch (parts.length) {
                case 3 -> new Coordinates(parts[0], parts[1], "jar", "", parts[2]);
                case 4 -> new Coordinates(parts[0], parts[1], parts[2], "", parts[3]);
                case 5 -> new Coordinates(parts[0], parts[1], parts[2], parts[3], parts[4]);
                default -> throw new IllegalArgumentException("expected group:artifact:version");
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + (trimmed.length() > 80 ? trimmed.substring(0, 80) + "..." : trimmed)
                    + "' are not Maven coordinates: " + e.getMessage(), e);
        }
    }

    /** The canonical form: {@code group:artifact:version}, or with extension and classifier when they are not the defaults. */
    @Override
    public String toString() {
        if (classifier.isEmpty()) {
            return extension.equals("jar") ? groupId + ":" + artifactId + ":" + version
                    : groupId + ":" + artifactId + ":" + extension + ":" + version;
        }
        return groupId + ":" + artifactId + ":" + extension + ":" + classifier + ":" + version;
    }

    private static void check(String name, String value) {
        if (value == null || !PART.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " '" + value + "' must be 1 to 128 letters, digits, '.', '_' or '-'");
        }
    }
}
