package io.colony.discovery.internal.mdns;

import io.colony.discovery.internal.NodeAdvert;
import io.colony.discovery.internal.peers.Candidate;
import io.colony.discovery.internal.peers.CandidateSink;
import io.colony.discovery.internal.peers.HostAndPort;
import java.net.InetAddress;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.jmdns.ServiceEvent;
import javax.jmdns.ServiceInfo;
import javax.jmdns.ServiceListener;
import org.osgi.service.log.Logger;

/**
 * Turns the {@code _colony._tcp} services one jmDNS instance sees into candidate peers: resolved
 * services of this node's cluster and another id become candidates, removed ones are withdrawn.
 */
final class MdnsServiceListener implements ServiceListener {

    private final String boundAddress;
    private final NodeAdvert self;
    private final CandidateSink sink;
    private final Logger log;

    MdnsServiceListener(InetAddress boundAddress, NodeAdvert self, CandidateSink sink, Logger log) {
        this.boundAddress = boundAddress.getHostAddress();
        this.self = self;
        this.sink = sink;
        this.log = log;
    }

    @Override
    public void serviceAdded(ServiceEvent event) {
        event.getDNS().requestServiceInfo(event.getType(), event.getName());
    }

    @Override
    public void serviceRemoved(ServiceEvent event) {
        sink.removed(key(event.getName()));
    }

    @Override
    public void serviceResolved(ServiceEvent event) {
        ServiceInfo info = event.getInfo();
        Map<String, String> txt = txt(info);
        if (txt.isEmpty()) {
            return; // resolved before its TXT record arrived: jmDNS reports it again when it does
        }
        Optional<NodeAdvert> advert = TxtRecord.decode(txt);
        if (advert.isEmpty()) {
            log.debug("mDNS service '{}' on {} has no valid Colony TXT record", event.getName(), boundAddress);
            return;
        }
        if (!advert.get().isPeerOf(self.id(), self.cluster())) {
            return; // itself, or another cluster
        }
        Optional<InetAddress> address = Optional.<InetAddress>empty()
                .or(() -> first(info.getInet4Addresses()))
                .or(() -> first(info.getInet6Addresses()));
        if (address.isEmpty()) {
            log.debug("mDNS service '{}' resolved without an address", event.getName());
            return;
        }
        HostAndPort transport = new HostAndPort(address.get().getHostAddress(), advert.get().port());
        sink.discovered(new Candidate(key(event.getName()), Candidate.MDNS, transport, Optional.of(advert.get().id()),
                advert.get().userData()));
    }

    private String key(String serviceName) {
        return Candidate.MDNS + ":" + boundAddress + "/" + serviceName;
    }

    private static Map<String, String> txt(ServiceInfo info) {
        Map<String, String> txt = new HashMap<>();
        for (String name : Collections.list(info.getPropertyNames())) {
            String value = info.getPropertyString(name);
            txt.put(name, value == null ? "" : value);
        }
        return txt;
    }

    private static <T extends InetAddress> Optional<InetAddress> first(T[] addresses) {
        return addresses == null || addresses.length == 0 ? Optional.empty() : Optional.of(addresses[0]);
    }
}
