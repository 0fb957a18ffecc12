package io.colony.sandbox.internal.verify;

import java.util.List;
import java.util.Optional;

/**
 * Decides whether the source may refer to a type or a member, and if not, why. Names are internal
 * ({@code java/lang/String}); the reasons name binary names and the allowlist entry that would allow it.
 */
final class ReferenceRules {

    private final Allowlist allowlist;
    private final HardDeny hardDeny;
    private final TypeHierarchy types;

    ReferenceRules(Allowlist allowlist, HardDeny hardDeny, TypeHierarchy types) {
        this.allowlist = allowlist;
        this.hardDeny = hardDeny;
        this.types = types;
    }

    static String binary(String internalName) {
        return internalName.replace('/', '.');
    }

    boolean isSourceClass(String name) {
        return types.isUser(name);
    }

    /** Why a class (not an array) may not be named; empty when it may. */
    Optional<String> typeRefusal(String name) {
        if (types.isUser(name) || name.equals("java/lang/Object")) {
            return Optional.empty();
        }
        String binary = binary(name);
        Optional<String> denied = hardDeny.type(binary);
        if (denied.isPresent()) {
            return Optional.of(neverAllowed(denied.get()));
        }
        if (!allowlist.allowsType(binary)) {
            return Optional.of(notListed(binary));
        }
        for (String supertype : types.supertypes(name)) {
            Optional<String> deniedSupertype = supertype.equals(name) ? Optional.empty() : hardDeny.supertype(binary(supertype));
            if (deniedSupertype.isPresent()) {
                return Optional.of(neverAllowed("it is a " + binary(supertype) + ", and " + deniedSupertype.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Why a member may not be used; empty when it may. The owner's type must have been allowed. A member the
     * source's classes declare is theirs; any other is the JDK's, found through the owner's supertypes.
     */
    Optional<String> memberRefusal(String owner, String name, String descriptor, boolean field) {
        List<String> supertypes = types.supertypes(owner);
        for (String type : supertypes) {
            if (types.isUser(type) && types.declares(type, name, descriptor, field)) {
                return Optional.empty();
            }
        }
        List<String> jdk = supertypes.stream().filter(type -> !types.isUser(type)).toList();
        for (String type : jdk) {
            Optional<String> denied = hardDeny.member(binary(type), name);
            if (denied.isPresent()) {
                return Optional.of(neverAllowed(denied.get()));
            }
        }
        for (String type : jdk) {
            Optional<String> denied = allowlist.denial(binary(type), name);
            if (denied.isPresent()) {
                return Optional.of("is not allowed: " + denied.get() + " (allowlist entry !" + binary(type) + "#" + name + ")");
            }
        }
        if (types.isUser(owner)) {
            if (!name.equals("<init>")) {
                for (String start : types.jdkSupertypesOfUser(owner)) {
                    if (allowlist.allowsAllMembers(binary(start)) && types.hasMember(start, name, descriptor, field)) {
                        return Optional.empty();
                    }
                }
            }
        } else if (allowlist.allowsAllMembers(binary(owner)) || allowlist.allowsMember(binary(owner), name)) {
            return Optional.empty();
        }
        String declaring = null;
        if (!name.equals("<init>")) {
            for (String type : jdk) {
                if (types.declares(type, name, descriptor, field)) {
                    if (allowlist.allowsAllMembers(binary(type)) || allowlist.allowsMember(binary(type), name)) {
                        return Optional.empty();
                    }
                    declaring = declaring == null ? type : declaring;
                }
            }
        }
        String suggested = declaring != null ? declaring : types.isUser(owner) && !jdk.isEmpty() ? jdk.get(0) : owner;
        return Optional.of(notListed(binary(suggested) + "#" + name));
    }

    static String neverAllowed(String reason) {
        return "is never allowed: " + reason;
    }

    static String notListed(String entry) {
        return "is not on the allowlist (add " + entry + " to " + Allowlist.WHERE + " if it is safe)";
    }
}
