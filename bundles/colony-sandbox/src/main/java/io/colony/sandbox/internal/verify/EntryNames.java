package io.colony.sandbox.internal.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/** The syntax shared by allowlist.txt, harddeny.txt and the operator's entries. */
final class EntryNames {

    private static final String IDENTIFIER = "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*";
    static final Pattern CLASS = Pattern.compile(IDENTIFIER + "(\\." + IDENTIFIER + ")*");
    static final Pattern PACKAGE = Pattern.compile("(" + IDENTIFIER + "(\\." + IDENTIFIER + ")*)\\.\\*");
    static final Pattern MEMBER = Pattern.compile("(" + IDENTIFIER + "(\\." + IDENTIFIER + ")*)#(" + IDENTIFIER + "|<init>)");

    private EntryNames() {
    }

    static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    /** The lines of a resource beside this class, without comments and blank lines, trimmed. */
    static List<String> lines(String resource) {
        try (InputStream in = EntryNames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the sandbox bundle lacks its resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sandbox's " + resource, e);
        }
    }
}
