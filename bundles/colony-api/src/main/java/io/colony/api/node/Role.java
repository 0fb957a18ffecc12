package io.colony.api.node;

import java.util.Locale;

/** The parts a node can play; a node may play several. */
public enum Role {
    /** Has work and schedules it onto workers. */
    MANAGER,
    /** Computes tasks. */
    WORKER,
    /** Lets nodes on different subnets find each other. */
    TRACKER;

    /** The role's name as written in configuration and shown to users: {@code manager}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a role name, case-insensitively.
     *
     * @throws IllegalArgumentException naming the accepted roles when the name is none of them
     */
    public static Role parse(String name) {
        String trimmed = name == null ? "" : name.trim();
        for (Role role : values()) {
            if (role.label().equalsIgnoreCase(trimmed)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + trimmed + "' (expected manager, worker or tracker)");
    }
}
