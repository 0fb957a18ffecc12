package io.colony.deployer.internal.install;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A requirement nothing provides, in words: {@code missing package org.example.missing (version
 * [1.0.0,2.0.0))} rather than the filter the framework resolves it with.
 */
public final class RequirementText {

    private static final Pattern ATLEAST = Pattern.compile("\\((?:bundle-)?version>=([^)]+)\\)");
    private static final Pattern BELOW = Pattern.compile("\\(!\\((?:bundle-)?version>=([^)]+)\\)\\)");
    private static final Pattern ATMOST = Pattern.compile("\\((?:bundle-)?version<=([^)]+)\\)");
    private static final Pattern ABOVE = Pattern.compile("\\(!\\((?:bundle-)?version<=([^)]+)\\)\\)");

    private RequirementText() {
    }

    /** @param filter the requirement's {@code filter} directive, or {@code null} */
    public static String missing(String namespace, String filter) {
        String text = filter == null ? "" : filter;
        return switch (namespace) {
            case "osgi.wiring.package" -> "missing package " + named(text, "osgi.wiring.package") + range(text);
            case "osgi.wiring.bundle" -> "missing bundle " + named(text, "osgi.wiring.bundle") + range(text);
            case "osgi.wiring.host" -> "missing fragment host " + named(text, "osgi.wiring.host") + range(text);
            case "osgi.ee" -> "missing execution environment " + text;
            case "osgi.service" -> "missing service " + text;
            default -> "missing " + namespace + " " + text;
        };
    }

    private static String named(String filter, String attribute) {
        Matcher matcher = Pattern.compile("\\(" + Pattern.quote(attribute) + "=([^)]+)\\)").matcher(filter);
        return matcher.find() ? matcher.group(1) : filter;
    }

    /** {@code  (version [1.0.0,2.0.0))}, or nothing when the filter has no version bounds. */
    private static String range(String filter) {
        String lower = null;
        String upper = null;
        char open = '[';
        char close = ')';
        String withoutNegations = filter;
        Matcher below = BELOW.matcher(filter);
        if (below.find()) {
            upper = below.group(1);
            close = ')';
            withoutNegations = withoutNegations.replace(below.group(), "");
        }
        Matcher above = ABOVE.matcher(withoutNegations);
        if (above.find()) {
            lower = above.group(1);
            open = '(';
            withoutNegations = withoutNegations.replace(above.group(), "");
        }
        Matcher atLeast = ATLEAST.matcher(withoutNegations);
        if (atLeast.find()) {
            lower = atLeast.group(1);
            open = '[';
        }
        Matcher atMost = ATMOST.matcher(withoutNegations);
        if (atMost.find()) {
            upper = atMost.group(1);
            close = ']';
        }
        if (lower == null && upper == null) {
            return "";
        }
        if (upper == null) {
            return " (version " + (open == '[' ? ">= " : "> ") + lower + ")";
        }
        return " (version " + open + (lower == null ? "0.0.0" : lower) + "," + upper + close + ")";
    }
}
