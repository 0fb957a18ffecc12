package io.colony.discovery.internal.membership;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.cluster.ClusterEvents;
import io.colony.api.cluster.Member;
import io.colony.api.cluster.MemberState;
import io.colony.api.node.HardwareStatus;
import io.colony.api.node.Role;
import io.colony.discovery.internal.testsupport.FakePeer;
import io.colony.discovery.internal.testsupport.MutableClock;
import io.colony.discovery.internal.testsupport.RecordingLogger;
import io.colony.transport.api.Hardware;
import io.colony.transport.proto.Heartbeat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

class MembershipTest {

    private final MutableClock clock = new MutableClock();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final RecordingLogger log = new RecordingLogger();

    private Membership membership(Role... localRoles) {
        return new Membership(Set.of(localRoles), events::add, clock, log.logger(), 3);
    }

    static HardwareStatus sample(double load) {
        return new HardwareStatus(4, 8, load, 0.25, 16L << 30, 8L << 30, 100L << 30, 50L << 30, "Linux 6.1", "OpenJDK 17",
                Instant.parse("2030-01-01T00:00:00Z"));
    }

    static Heartbeat heartbeat(boolean available, HardwareStatus hardware) {
        Heartbeat.Builder builder = Heartbeat.newBuilder().setSentAtMillis(1).setAvailable(available);
        if (hardware != null) {
            builder.setHardware(Hardware.toProto(hardware));
        }
        return builder.build();
    }

    private List<String> topics() {
        return events.stream().map(Event::getTopic).toList();
    }

    @Test
    void connectedPeerIsAvailableAndLostPeerIsKeptAsUnavailable() {
        Membership membership = membership(Role.MANAGER);
        FakePeer worker = FakePeer.of("w1", "worker");

        membership.peerConnected(worker);
        assertEquals(MemberState.AVAILABLE, membership.member("w1").orElseThrow().state());
        assertEquals(Set.of(Role.WORKER), membership.member("w1").orElseThrow().roles());

        membership.peerLost(worker, "no heartbeat for 3 s");
        Member lost = membership.member("w1").orElseThrow();
        assertEquals(MemberState.UNAVAILABLE, lost.state());
        assertEquals(List.of("w1"), membership.members().stream().map(Member::id).toList());
    }

    @Test
    void heartbeatsUpdateLastHeartbeatAndHardware() {
        Membership membership = membership(Role.MANAGER);
        FakePeer worker = FakePeer.of("w1", "worker");
        membership.peerConnected(worker);
        clock.advance(Duration.ofSeconds(5));

        membership.heartbeat(worker, heartbeat(true, sample(1.5)));

        Member member = membership.member("w1").orElseThrow();
        assertEquals(clock.instant(), member.lastHeartbeat());
        assertEquals(1.5, member.hardware().orElseThrow().systemLoad());
    }

    @Test
    void historyKeepsOnlyTheLatestSamplesOldestFirst() {
        Membership membership = membership(Role.MANAGER);
        FakePeer worker = FakePeer.of("w1", "worker");
        membership.peerConnected(worker);

        for (int load = 1; load <= 5; load++) {
            membership.heartbeat(worker, heartbeat(true, sample(load)));
        }

        assertEquals(List.of(3.0, 4.0, 5.0), membership.history("w1").stream().map(HardwareStatus::systemLoad).toList());
        assertEquals(List.of(), membership.history("unknown"));
    }

    @Test
    void defaultHistoryHoldsAboutFiveMinutesOfHeartbeats() {
        Membership membership = new Membership(Set.of(Role.MANAGER), events::add, clock, log.logger());
        FakePeer worker = FakePeer.of("w1", "worker");
        membership.peerConnected(worker);

        for (int i = 0; i < 400; i++) {
            membership.heartbeat(worker, heartbeat(true, sample(i)));
        }

        assertEquals(Membership.HISTORY_LIMIT, membership.history("w1").size());
        assertEquals(100.0, membership.history("w1").get(0).systemLoad());
    }

    @Test
    void managerHearsOfWorkersWithNodeProperties() {
        Membership membership = membership(Role.MANAGER);
        FakePeer worker = new FakePeer("w1", Set.of("worker", "manager"), "10.1.2.3", 7001);

        membership.peerConnected(worker);

        assertEquals(List.of(ClusterEvents.WORKER_AVAILABLE), topics());
        Event available = events.get(0);
        assertEquals("w1", available.getProperty(ClusterEvents.NODE_ID));
        assertArrayEquals(new String[] {"manager", "worker"}, (String[]) available.getProperty(ClusterEvents.NODE_ROLES));
        assertEquals("10.1.2.3", available.getProperty(ClusterEvents.NODE_HOST));
        assertEquals(7001, available.getProperty(ClusterEvents.NODE_PORT));

        membership.peerLost(worker, "connection reset");

        assertEquals(List.of(ClusterEvents.WORKER_AVAILABLE, ClusterEvents.WORKER_UNAVAILABLE), topics());
        assertEquals("connection reset", events.get(1).getProperty(ClusterEvents.REASON));
        assertEquals("w1", events.get(1).getProperty(ClusterEvents.NODE_ID));
    }

    @Test
    void managerRaisesNothingForOtherManagers() {
        Membership membership = membership(Role.MANAGER);
        FakePeer manager = FakePeer.of("m2", "manager");

        membership.peerConnected(manager);
        membership.peerLost(manager, "gone");

        assertEquals(List.of(), topics());
    }

    @Test
    void workerHearsOfManagersAndNotOfWorkers() {
        Membership membership = membership(Role.WORKER);
        FakePeer manager = FakePeer.of("m1", "manager");
        FakePeer otherWorker = FakePeer.of("w2", "worker");

        membership.peerConnected(manager);
        membership.peerConnected(otherWorker);
        membership.peerLost(manager, "heartbeat timeout");

        assertEquals(List.of(ClusterEvents.MANAGER_AVAILABLE, ClusterEvents.MANAGER_UNAVAILABLE), topics());
        assertEquals("heartbeat timeout", events.get(1).getProperty(ClusterEvents.REASON));
    }

    @Test
    void nodeWithBothRolesHearsBothKinds() {
        Membership membership = membership(Role.MANAGER, Role.WORKER);

        membership.peerConnected(FakePeer.of("both", "manager", "worker"));

        assertEquals(Set.of(ClusterEvents.WORKER_AVAILABLE, ClusterEvents.MANAGER_AVAILABLE), Set.copyOf(topics()));
    }

    @Test
    void remoteWithdrawnIsWorkerUnavailableOnManagerAndBackIsAvailableAgain() {
        Membership membership = membership(Role.MANAGER);
        FakePeer worker = FakePeer.of("w1", "worker");
        membership.peerConnected(worker);

        membership.heartbeat(worker, heartbeat(false, null));
        membership.heartbeat(worker, heartbeat(false, null));

        assertEquals(MemberState.WITHDRAWN, membership.member("w1").orElseThrow().state());
        assertEquals(List.of(ClusterEvents.WORKER_AVAILABLE, ClusterEvents.WORKER_UNAVAILABLE), topics());
        assertEquals(AvailabilityAnnouncer.WITHDRAWN_REASON, events.get(1).getProperty(ClusterEvents.REASON));

        membership.heartbeat(worker, heartbeat(true, null));

        assertEquals(MemberState.AVAILABLE, membership.member("w1").orElseThrow().state());
        assertEquals(ClusterEvents.WORKER_AVAILABLE, events.get(2).getTopic());
    }

    @Test
    void withdrawnWorkerThatIsLostRaisesNoSecondUnavailable() {
        Membership membership = membership(Role.MANAGER);
        FakePeer worker = FakePeer.of("w1", "worker");
        membership.peerConnected(worker);
        membership.heartbeat(worker, heartbeat(false, null));

        membership.peerLost(worker, "connection reset");

        assertEquals(List.of(ClusterEvents.WORKER_AVAILABLE, ClusterEvents.WORKER_UNAVAILABLE), topics());
        assertEquals(MemberState.UNAVAILABLE, membership.member("w1").orElseThrow().state());
    }

    @Test
    void withdrawnManagerStaysAvailableToWorkers() {
        Membership membership = membership(Role.WORKER);
        FakePeer manager = FakePeer.of("mw", "manager", "worker");
        membership.peerConnected(manager);

        membership.heartbeat(manager, heartbeat(false, null));

        assertEquals(List.of(ClusterEvents.MANAGER_AVAILABLE), topics());
    }

    @Test
    void reconnectedNodeIsAvailableAgainAndItsOldConnectionsLossIsIgnored() {
        Membership membership = membership(Role.MANAGER);
        FakePeer first = FakePeer.of("w1", "worker");
        FakePeer second = FakePeer.of("w1", "worker");
        membership.peerConnected(first);
        membership.peerLost(first, "reset");

        membership.peerConnected(second);
        membership.peerLost(first, "reset again");

        assertEquals(MemberState.AVAILABLE, membership.member("w1").orElseThrow().state());
        assertEquals(List.of(ClusterEvents.WORKER_AVAILABLE, ClusterEvents.WORKER_UNAVAILABLE, ClusterEvents.WORKER_AVAILABLE), topics());
    }

    @Test
    void unavailableNodesAreForgottenAfterAWhile() {
        Membership membership = membership(Role.MANAGER);
        FakePeer lost = FakePeer.of("lost", "worker");
        membership.peerConnected(lost);
        membership.peerConnected(FakePeer.of("alive", "worker"));
        membership.peerLost(lost, "gone");

        clock.advance(Duration.ofMinutes(5));
        membership.forgetUnavailable(Duration.ofMinutes(10));
        assertTrue(membership.member("lost").isPresent());

        clock.advance(Duration.ofMinutes(6));
        membership.forgetUnavailable(Duration.ofMinutes(10));
        assertEquals(List.of("alive"), membership.members().stream().map(Member::id).toList());
    }

    @Test
    void userDataFromDiscoveryIsShownBeforeAndAfterConnecting() {
        Membership membership = membership(Role.MANAGER);
        membership.describe("w1", Map.of("gpu", "true"));

        membership.peerConnected(FakePeer.of("w1", "worker"));
        assertEquals(Map.of("gpu", "true"), membership.member("w1").orElseThrow().userData());

        membership.describe("w1", Map.of("gpu", "false"));
        assertEquals(Map.of("gpu", "false"), membership.member("w1").orElseThrow().userData());
    }

    @Test
    void membersAreSortedById() {
        Membership membership = membership(Role.MANAGER);
        membership.peerConnected(FakePeer.of("c", "worker"));
        membership.peerConnected(FakePeer.of("a", "worker"));
        membership.peerConnected(FakePeer.of("b", "worker"));

        assertEquals(List.of("a", "b", "c"), membership.members().stream().map(Member::id).toList());
    }
}
