package io.colony.discovery.internal.mdns;

import io.colony.discovery.internal.NodeAdvert;
import io.colony.discovery.internal.peers.CandidateSink;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;
import org.osgi.service.log.Logger;

/**
 * Advertises this node as {@code _colony._tcp.local.} and browses for others, with one jmDNS
 * instance per chosen address. Starting blocks for a few seconds (jmDNS probes its names): call it
 * off the activation thread.
 */
public final class MdnsDiscovery implements AutoCloseable {

    private final List<JmDNS> instances;
    private final Logger log;

    private MdnsDiscovery(List<JmDNS> instances, Logger log) {
        this.instances = instances;
        this.log = log;
    }

    /** Starts on every address that works; an address that fails is logged and skipped. */
    public static MdnsDiscovery start(List<InetAddress> addresses, NodeAdvert self, CandidateSink sink, Logger log) {
        List<JmDNS> instances = new ArrayList<>();
        Map<String, String> txt = TxtRecord.encode(self);
        self.userData().keySet().stream()
                .filter(key -> !txt.containsKey(TxtRecord.DATA_PREFIX + key))
                .forEach(key -> log.warn("User data '{}' is too long for an mDNS TXT record (255 bytes) and is not advertised", key));
        for (InetAddress address : addresses) {
            try {
                instances.add(startOn(address, self, txt, sink, log));
                log.info("mDNS: advertising {} as {} on {}", self.id(), TxtRecord.SERVICE_TYPE, address.getHostAddress());
            } catch (IOException | RuntimeException e) {
                log.warn("mDNS cannot run on {}: {}", address.getHostAddress(), e.toString());
            }
        }
        return new MdnsDiscovery(instances, log);
    }

    private static JmDNS startOn(InetAddress address, NodeAdvert self, Map<String, String> txt, CandidateSink sink, Logger log)
            throws IOException {
        JmDNS jmdns = JmDNS.create(address, hostName(self.id()));
        try {
            jmdns.addServiceListener(TxtRecord.SERVICE_TYPE, new MdnsServiceListener(address, self, sink, log));
            jmdns.registerService(ServiceInfo.create(TxtRecord.SERVICE_TYPE, self.id(), self.port(), 0, 0, txt));
            return jmdns;
        } catch (IOException | RuntimeException e) {
            jmdns.close();
            throw e;
        }
    }

    /** A DNS label from the node id: letters, digits and hyphens. */
    static String hostName(String nodeId) {
        String label = ("colony-" + nodeId).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return label.length() > 63 ? label.substring(0, 63) : label;
    }

    public int instanceCount() {
        return instances.size();
    }

    /** Withdraws the advertisement (goodbye packets) and stops browsing. */
    @Override
    public void close() {
        for (JmDNS jmdns : instances) {
            try {
                jmdns.unregisterAllServices();
                jmdns.close();
            } catch (IOException | RuntimeException e) {
                log.debug("mDNS instance did not close cleanly: {}", e.toString());
            }
        }
    }
}
