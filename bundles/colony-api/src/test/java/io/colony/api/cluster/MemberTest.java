package io.colony.api.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.node.Role;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemberTest {

    @Test
    void keepsItsOwnCopiesOfRolesAndUserData() {
        Set<Role> roles = EnumSet.of(Role.WORKER);
        Map<String, String> data = new HashMap<>(Map.of("gpu", "true"));
        Member member = new Member("n1", roles, "10.0.0.2", 41000, data, MemberState.AVAILABLE, Instant.EPOCH, Optional.empty());
        roles.add(Role.MANAGER);
        data.put("gpu", "false");
        assertEquals(Set.of(Role.WORKER), member.roles());
        assertEquals("true", member.userData().get("gpu"));
        assertTrue(member.hasRole(Role.WORKER));
        assertThrows(UnsupportedOperationException.class, () -> member.roles().add(Role.TRACKER));
    }
}
