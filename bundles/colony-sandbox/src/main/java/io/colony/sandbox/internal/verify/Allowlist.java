package io.colony.sandbox.internal.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The JDK classes and members a job's source may use: the built-in list (allowlist.txt) plus the operator's
 * entries ({@value #KEY}). Entries: {@code java.util.ArrayList} (a class and its members), {@code java.util.*}
 * (the classes of a package), {@code java.lang.System#nanoTime} (one member by name, all overloads;
 * {@code <init>} for constructors), {@code !java.lang.Throwable#printStackTrace reason} (a member denied on that
 * class and its subtypes). The {@link HardDeny} list stays refused whatever the entries say. Immutable.
 */
public final class Allowlist {

    /** The trust policy key of the operator's entries. */
    public static final String KEY = "source.allowlist";
    /** Where an operator changes the allowlist. */
    public static final String WHERE = KEY + " in etc/io.colony.trust.cfg";

    private static final Allowlist BUILT_IN = builtInList();

    private final Set<String> classes;
    private final Set<String> packages;
    private final Map<String, Set<String>> members;
    private final Map<String, String> denials;
    private final List<String> extensions;

    private Allowlist(Set<String> classes, Set<String> packages, Map<String, Set<String>> members, Map<String, String> denials,
            List<String> extensions) {
        this.classes = classes;
        this.packages = packages;
        this.members = members;
        this.denials = denials;
        this.extensions = List.copyOf(extensions);
    }

    public static Allowlist builtIn() {
        return BUILT_IN;
    }

    private static Allowlist builtInList() {
        Allowlist list = new Allowlist(new HashSet<>(), new HashSet<>(), new HashMap<>(), new HashMap<>(), List.of());
        for (String line : EntryNames.lines("allowlist.txt")) {
            list.add(line, "allowlist.txt");
        }
        return list;
    }

    /**
     * The built-in list with the operator's entries added.
     *
     * @throws IllegalArgumentException naming {@value #KEY}, the entry and what is wrong with it
     */
    public Allowlist extendedWith(List<String> entries) {
        Map<String, Set<String>> memberCopy = new HashMap<>();
        members.forEach((owner, names) -> memberCopy.put(owner, new HashSet<>(names)));
        Allowlist extended = new Allowlist(new HashSet<>(classes), new HashSet<>(packages), memberCopy, new HashMap<>(denials),
                concat(extensions, entries));
        for (String entry : entries) {
            extended.add(entry == null ? "" : entry.trim(), KEY);
        }
        return extended;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** The operator's entries this list was extended with. */
    public List<String> extensions() {
        return extensions;
    }

    private void add(String entry, String source) {
        if (entry.startsWith("!")) {
            String[] parts = entry.substring(1).split("\\s+", 2);
            if (!EntryNames.MEMBER.matcher(parts[0]).matches()) {
                throw new IllegalArgumentException(source + ": '" + entry + "' is not a denial; write !java.lang.Throwable#printStackTrace"
                        + " followed by the reason");
            }
            denials.put(parts[0], parts.length > 1 ? parts[1] : "the allowlist denies it");
            return;
        }
        Matcher member = EntryNames.MEMBER.matcher(entry);
        Matcher pack = EntryNames.PACKAGE.matcher(entry);
        if (member.matches()) {
            members.computeIfAbsent(member.group(1), owner -> new HashSet<>()).add(member.group(3));
        } else if (pack.matches()) {
            packages.add(pack.group(1));
        } else if (EntryNames.CLASS.matcher(entry).matches()) {
            classes.add(entry);
        } else {
            throw new IllegalArgumentException(source + ": '" + entry + "' is not an allowlist entry; write a class (java.util.BitSet,"
                    + " java.util.Map$Entry for a nested one), a package (java.util.*) or a member (java.lang.System#nanoTime)");
        }
    }

    /** Whether every member of a class is allowed: the class or its package is listed. */
    public boolean allowsAllMembers(String className) {
        return classes.contains(className) || packages.contains(EntryNames.packageOf(className));
    }

    /** Whether a member of a class is listed by name. */
    public boolean allowsMember(String className, String member) {
        Set<String> names = members.get(className);
        return names != null && names.contains(member);
    }

    /** Whether a class may be named at all: all its members are allowed, or some are. */
    public boolean allowsType(String className) {
        return allowsAllMembers(className) || members.containsKey(className);
    }

    /** The reason of a {@code !class#member} entry for exactly this class. */
    public Optional<String> denial(String className, String member) {
        return Optional.ofNullable(denials.get(className + "#" + member));
    }
}
