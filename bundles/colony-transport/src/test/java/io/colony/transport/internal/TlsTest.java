package io.colony.transport.internal;

import static io.colony.transport.internal.TestNodes.WAIT_SECONDS;
import static io.colony.transport.internal.TestNodes.connect;
import static io.colony.transport.internal.TestNodes.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.config.InvalidConfigurationException;
import io.colony.transport.api.Peer;
import io.colony.transport.api.TransportException;
import io.netty.handler.ssl.SslHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {

    @TempDir
    static Path certificatesDirectory;
    private static TestCertificates certificates;
    private static Path clusterTrust;
    private static Path strangerTrust;

    private final TestNodes nodes = new TestNodes();

    @BeforeAll
    static void createCertificates() throws Exception {
        certificates = new TestCertificates(certificatesDirectory);
        certificates.createNodes("alpha", "beta", "stranger");
        clusterTrust = certificates.truststore("cluster-trust", "alpha", "beta");
        strangerTrust = certificates.truststore("stranger-trust", "alpha", "beta", "stranger");
    }

    @AfterEach
    void closeNodes() {
        nodes.close();
    }

    private TransportNode startTls(String id, Path truststore) {
        TlsSettings tls = TlsSettings.enabled(certificates.keystore(id), TestCertificates.PASSWORD, truststore, null);
        return nodes.start(id, "colony", TestNodes.SECRET, TransportSettings.loopback().withTls(tls), null);
    }

    private static String connectFailure(TransportNode from, TransportNode to) {
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> from.connect("127.0.0.1", to.port()).get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertTrue(refused.getCause() instanceof TransportException, String.valueOf(refused.getCause()));
        return refused.getCause().getMessage();
    }

    private void awaitLog(TransportNode node, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!nodes.log(node).contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(nodes.log(node).contains(text), "no '" + text + "' in\n" + nodes.log(node));
    }

    @Test
    void twoTlsNodesConnectOverTlsAndDoRoundTripsBothWays() throws Exception {
        TransportNode alpha = startTls("alpha", clusterTrust);
        TransportNode beta = startTls("beta", clusterTrust);

        Peer betaSeenByAlpha = connect(alpha, beta);

        assertEquals("beta", betaSeenByAlpha.nodeId());
        for (int i = 0; i < 20; i++) {
            assertEquals("over tls " + i, roundTrip(betaSeenByAlpha, "over tls " + i));
        }
        Peer alphaSeenByBeta = beta.peer("alpha").orElseThrow();
        assertEquals("back", roundTrip(alphaSeenByBeta, "back"));
        SslHandler tls = alpha.connection("beta").orElseThrow().channel().pipeline().get(SslHandler.class);
        assertNotNull(tls);
        assertTrue(tls.engine().getSession().getProtocol().startsWith("TLSv1."), tls.engine().getSession().getProtocol());
        assertEquals(tls, alpha.connection("beta").orElseThrow().channel().pipeline().first());
    }

    @Test
    void tlsNodeRefusesAPlainNodeWithAClearReasonAndKeepsServingItsTlsPeer() throws Exception {
        TransportNode alpha = startTls("alpha", clusterTrust);
        TransportNode beta = startTls("beta", clusterTrust);
        TransportNode plain = nodes.start("plain");
        Peer alphaSeenByBeta = connect(beta, alpha);

        String reason = connectFailure(plain, alpha);

        assertTrue(reason.contains("node alpha requires TLS"), reason);
        awaitLog(alpha, "TLS handshake failed: the peer does not speak TLS");
        assertEquals(1, nodes.log(alpha).count("TLS handshake failed"), nodes.log(alpha).toString());
        assertTrue(alpha.peer("plain").isEmpty());
        assertEquals("still here", roundTrip(alphaSeenByBeta, "still here"));
    }

    @Test
    void tlsNodeConnectingToAPlainNodeFailsTheTlsHandshake() throws Exception {
        TransportNode alpha = startTls("alpha", clusterTrust);
        TransportNode plain = nodes.start("plain");

        String reason = connectFailure(alpha, plain);

        assertTrue(reason.contains("TLS handshake failed"), reason);
        assertTrue(plain.peer("alpha").isEmpty());
    }

    @Test
    void nodeWhoseCertificateIsNotTrustedIsRefusedAndOtherPeersKeepWorking() throws Exception {
        TransportNode alpha = startTls("alpha", clusterTrust);
        TransportNode beta = startTls("beta", clusterTrust);
        TransportNode stranger = startTls("stranger", strangerTrust);
        Peer alphaSeenByBeta = connect(beta, alpha);

        String reason = connectFailure(stranger, alpha);

        assertTrue(reason.contains("TLS handshake failed"), reason);
        awaitLog(alpha, "TLS handshake failed");
        assertTrue(nodes.log(alpha).contains("/127.0.0.1:"), nodes.log(alpha).toString());
        assertTrue(alpha.peer("stranger").isEmpty());
        assertEquals("unaffected", roundTrip(alphaSeenByBeta, "unaffected"));
    }

    @Test
    void serverWhoseCertificateIsNotTrustedIsRefusedByTheClient() throws Exception {
        TransportNode alpha = startTls("alpha", clusterTrust);
        TransportNode stranger = startTls("stranger", strangerTrust);

        String reason = connectFailure(alpha, stranger);

        assertTrue(reason.contains("TLS handshake failed"), reason);
        assertTrue(stranger.peer("alpha").isEmpty());
    }

    @Test
    void theClusterSecretIsStillCheckedInsideTls() throws Exception {
        TransportNode alpha = startTls("alpha", clusterTrust);
        TlsSettings tls = TlsSettings.enabled(certificates.keystore("beta"), TestCertificates.PASSWORD, clusterTrust, null);
        TransportNode intruder = nodes.start("beta", "colony", "not-the-secret", TransportSettings.loopback().withTls(tls), null);

        String reason = connectFailure(intruder, alpha);

        assertTrue(reason.contains("authentication failed: wrong cluster secret"), reason);
    }

    @Test
    void missingKeystoreFileIsReportedWithTheKeyAndTheFile() {
        Path missing = certificatesDirectory.resolve("missing.p12");
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> TransportSettings.read(Map.of("tls.enabled", "true", "tls.keystore", missing.toString())));
        assertEquals("io.colony.transport: tls.keystore = '" + missing + "': no such file: " + missing, e.getMessage());
    }

    @Test
    void tlsWithoutAKeystoreIsReportedWithTheKey() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> TransportSettings.read(Map.of("tls.enabled", "true")));
        assertEquals("io.colony.transport: tls.keystore = '': required when tls.enabled is true", e.getMessage());
    }

    @Test
    void wrongKeystorePasswordKeepsTheTransportDownNamingTheKeyAndTheFileButNotThePassword() {
        Path keystore = certificates.keystore("alpha");
        TransportSettings settings = TransportSettings.read(Map.of("tls.enabled", "true", "tls.keystore", keystore.toString(),
                "tls.keystore.password", "wrong-password", "tls.truststore", clusterTrust.toString(),
                "tls.truststore.password", TestCertificates.PASSWORD));

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> nodes.start("alpha", "colony",
                TestNodes.SECRET, settings, null));

        assertTrue(e.getMessage().startsWith("io.colony.transport: tls.keystore.password = "), e.getMessage());
        assertTrue(e.getMessage().contains("wrong password for " + keystore), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-password"), e.getMessage());
    }

    @Test
    void wrongTruststorePasswordIsReportedWithItsKey() {
        TlsSettings tls = TlsSettings.enabled(certificates.keystore("alpha"), TestCertificates.PASSWORD, clusterTrust, "nope-nope");
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> nodes.start("alpha", "colony",
                TestNodes.SECRET, TransportSettings.loopback().withTls(tls), null));
        assertTrue(e.getMessage().startsWith("io.colony.transport: tls.truststore.password = "), e.getMessage());
        assertTrue(e.getMessage().contains(clusterTrust.toString()), e.getMessage());
    }

    @Test
    void fileThatIsNotAKeystoreIsReportedWithTheKeyAndTheFile() throws Exception {
        Path garbage = Files.writeString(certificatesDirectory.resolve("garbage.p12"), "not a keystore");
        TlsSettings tls = TlsSettings.enabled(garbage, TestCertificates.PASSWORD, clusterTrust, null);
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> nodes.start("alpha", "colony",
                TestNodes.SECRET, TransportSettings.loopback().withTls(tls), null));
        assertTrue(e.getMessage().startsWith("io.colony.transport: tls.keystore = '" + garbage + "': cannot read " + garbage), e.getMessage());
    }

    @Test
    void truststoreDefaultsToTheKeystoreAndItsPassword() {
        Path keystore = certificates.keystore("alpha");
        TransportSettings settings = TransportSettings.read(Map.of("tls.enabled", "true", "tls.keystore", keystore.toString(),
                "tls.keystore.password", "secret-one"));
        assertEquals(TlsSettings.enabled(keystore, "secret-one", keystore, null), settings.tls());
        assertFalse(settings.tls().toString().contains("secret-one"));
    }
}
