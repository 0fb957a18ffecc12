package io.colony.sandbox.internal.verify;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * What the sandbox never allows, whatever an allowlist says (harddeny.txt): classes (with their nested classes
 * and, as the verifier applies them, their subtypes), packages with their subpackages, and members of a class
 * and its subtypes. Each comes with the reason shown to the user.
 */
public final class HardDeny {

    private static final HardDeny BUILT_IN = parse("harddeny.txt");

    private final Map<String, String> classes = new HashMap<>();
    private final Map<String, String> packages = new HashMap<>();
    private final Map<String, String> members = new HashMap<>();

    private HardDeny() {
    }

    public static HardDeny builtIn() {
        return BUILT_IN;
    }

    private static HardDeny parse(String resource) {
        HardDeny deny = new HardDeny();
        String reason = null;
        for (String line : EntryNames.lines(resource)) {
            if (line.startsWith("[") && line.endsWith("]")) {
                reason = line.substring(1, line.length() - 1);
                continue;
            }
            if (reason == null) {
                throw new IllegalStateException(resource + ": '" + line + "' comes before any [reason]");
            }
            Matcher member = EntryNames.MEMBER.matcher(line);
            Matcher pack = EntryNames.PACKAGE.matcher(line);
            if (member.matches()) {
                deny.members.put(line, reason);
            } else if (pack.matches()) {
                deny.packages.put(pack.group(1), reason);
            } else if (EntryNames.CLASS.matcher(line).matches()) {
                deny.classes.put(line, reason);
            } else {
                throw new IllegalStateException(resource + ": '" + line + "' is not an entry");
            }
        }
        return deny;
    }

    /** Why a type itself is never allowed: it, a class it is nested in, or its package is listed. */
    public Optional<String> type(String className) {
        for (String outer = className; ; outer = outer.substring(0, outer.lastIndexOf('$'))) {
            String reason = classes.get(outer);
            if (reason != null) {
                return Optional.of(reason);
            }
            if (outer.lastIndexOf('$') < 0) {
                break;
            }
        }
        for (String pack = EntryNames.packageOf(className); !pack.isEmpty(); pack = EntryNames.packageOf(pack)) {
            String reason = packages.get(pack);
            if (reason != null) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }

    /** Why subtypes of a class are never allowed: the class itself is listed (not merely its package). */
    public Optional<String> supertype(String className) {
        return Optional.ofNullable(classes.get(className));
    }

    /** Why a member of exactly this class (and so of its subtypes) is never allowed. */
    public Optional<String> member(String className, String member) {
        return Optional.ofNullable(members.get(className + "#" + member));
    }
}
