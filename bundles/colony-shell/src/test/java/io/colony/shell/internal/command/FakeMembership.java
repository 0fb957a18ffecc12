package io.colony.shell.internal.command;

import io.colony.api.cluster.ClusterMembership;
import io.colony.api.cluster.Member;
import io.colony.api.node.HardwareStatus;
import java.util.List;
import java.util.Optional;

/** Membership with a fixed list of members and an availability switch. */
final class FakeMembership implements ClusterMembership {

    private final List<Member> members;
    private volatile boolean available = true;

    FakeMembership(Member... members) {
        this.members = List.of(members);
    }

    @Override
    public List<Member> members() {
        return members;
    }

    @Override
    public Optional<Member> member(String id) {
        return members.stream().filter(member -> member.id().equals(id)).findFirst();
    }

    @Override
    public List<HardwareStatus> history(String id) {
        return member(id).flatMap(Member::hardware).map(List::of).orElse(List.of());
    }

    @Override
    public void setAvailability(boolean available) {
        this.available = available;
    }

    @Override
    public boolean isAvailable() {
        return available;
    }
}
