package io.colony.manager.internal.placement;

import io.colony.api.cluster.Member;
import io.colony.api.cluster.MemberState;
import io.colony.api.node.HardwareStatus;
import io.colony.api.node.Role;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Members for tests: {@code worker("n1").cores(8).load(2).data("gpu", "true").build()}. */
final class TestMembers {

    static final long GiB = 1L << 30;

    private String id;
    private Set<Role> roles = Set.of(Role.WORKER);
    private MemberState state = MemberState.AVAILABLE;
    private final Map<String, String> data = new HashMap<>();
    private boolean hardware = true;
    private int physicalCores = 4;
    private int cores = 8;
    private double load = 0;
    private double cpu = 0;
    private long memoryTotal = 16 * GiB;
    private long memoryAvailable = 8 * GiB;
    private long diskTotal = 500 * GiB;
    private long diskFree = 100 * GiB;
    private String os = "Linux 6.1";
    private String jvm = "OpenJDK 17.0.15";

    static TestMembers worker(String id) {
        TestMembers b = new TestMembers();
        b.id = id;
        return b;
    }

    TestMembers roles(Role... roles) {
        this.roles = Set.of(roles);
        return this;
    }

    TestMembers state(MemberState state) {
        this.state = state;
        return this;
    }

    TestMembers data(String key, String value) {
        data.put(key, value);
        return this;
    }

    TestMembers noHardware() {
        hardware = false;
        return this;
    }

    TestMembers cores(int cores) {
        this.cores = cores;
        return this;
    }

    TestMembers physicalCores(int physicalCores) {
        this.physicalCores = physicalCores;
        return this;
    }

    TestMembers load(double load) {
        this.load = load;
        return this;
    }

    TestMembers cpu(double cpu) {
        this.cpu = cpu;
        return this;
    }

    TestMembers memory(long total, long available) {
        this.memoryTotal = total;
        this.memoryAvailable = available;
        return this;
    }

    TestMembers disk(long total, long free) {
        this.diskTotal = total;
        this.diskFree = free;
        return this;
    }

    TestMembers os(String os) {
        this.os = os;
        return this;
    }

    Member build() {
        Optional<HardwareStatus> hw = hardware
                ? Optional.of(new HardwareStatus(physicalCores, cores, load, cpu, memoryTotal, memoryAvailable, diskTotal,
                        diskFree, os, jvm, Instant.EPOCH))
                : Optional.empty();
        return new Member(id, roles, id + ".lan", 22580, data, state, Instant.EPOCH, hw);
    }
}
