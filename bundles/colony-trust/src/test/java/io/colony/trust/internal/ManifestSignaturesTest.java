package io.colony.trust.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.config.InvalidConfigurationException;
import io.colony.api.trust.Decision;
import io.colony.api.trust.Request;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signatures of manifest jobs' jars (topology 2) with real certificates: the truststore settings, the
 * decisions on loading a jar, and what the policy logs of them.
 */
class ManifestSignaturesTest {

    private static final String JAR = "io.colony.plugins:colony-plugin-primes:0.1.0";

    @TempDir
    static Path etc;
    private static TestKeystores keystores;
    private static TrustRules required;

    @BeforeAll
    static void createKeystores() throws Exception {
        keystores = TestKeystores.create(etc);
        required = rules(Map.of("manifest.signatures.required", "true", "manifest.truststore", "trust.p12",
                "manifest.truststore.password", TestKeystores.PASSWORD));
    }

    /** Manifest jobs enabled for io.colony.* from one repository, with the given settings besides. */
    private static TrustRules rules(Map<String, String> settings) {
        Map<String, String> properties = new HashMap<>(Map.of("manifest.enabled", "true", "manifest.repositories", "file:/srv/repo",
                "manifest.groups", "io.colony.*"));
        properties.putAll(settings);
        return new TrustRules(TrustSettings.read(properties, etc));
    }

    @SafeVarargs
    private static Decision load(TrustRules rules, String coordinates, List<X509Certificate>... chains) {
        return rules.decide(new Request.LoadBundle(coordinates, List.of(chains)));
    }

    private static Decision signedBy(String... chain) throws Exception {
        return load(required, JAR, keystores.chain(chain));
    }

    private static void assertDenied(String reason, Decision decision) {
        assertFalse(decision.allowed(), decision.reason());
        assertEquals(reason, decision.reason());
    }

    private static void assertAllowed(String reason, Decision decision) {
        assertTrue(decision.allowed(), decision.reason());
        assertEquals(reason, decision.reason());
    }

    @Test
    void withoutRequiredSignaturesAnUnsignedJarIsLoaded() {
        assertAllowed("jar 'io.colony.plugins:colony-plugin-primes:0.1.0' may be loaded: signatures are not required (manifest.signatures.required = false)",
                load(rules(Map.of()), JAR));
    }

    @Test
    void withManifestJobsDisabledNoJarIsLoaded() throws Exception {
        TrustRules disabled = new TrustRules(TrustSettings.read(Map.of(), etc));
        assertDenied("manifest jobs (topology 2) are disabled by the trust policy (set manifest.enabled = true in etc/io.colony.trust.cfg)",
                load(disabled, JAR, keystores.chain("direct")));
    }

    @Test
    void aJarWhoseGroupIdIsNotAllowedIsNotLoadedWhoeverSignedIt() throws Exception {
        assertDenied("artifact 'org.evil:payload:1.0' is not allowed: its groupId 'org.evil' matches no allowed pattern (manifest.groups)",
                load(required, "org.evil:payload:1.0", keystores.chain("direct")));
        assertFalse(load(rules(Map.of()), "org.evil:payload:1.0").allowed());
    }

    @Test
    void anUnsignedJarIsDeniedWhenSignaturesAreRequired() {
        assertDenied("jar 'io.colony.plugins:colony-plugin-primes:0.1.0' is unsigned (or not every entry of it is signed), and signatures are "
                + "required (manifest.signatures.required)", load(required, JAR));
    }

    @Test
    void aSignerWhoseCertificateIsTrustedIsAllowed() throws Exception {
        assertAllowed("jar 'io.colony.plugins:colony-plugin-primes:0.1.0' is signed by 'CN=Direct Signer', a trusted certificate (manifest.truststore)",
                signedBy("direct"));
    }

    @Test
    void aSignerIssuedByATrustedCaIsAllowedNamingTheCa() throws Exception {
        String reason = "jar 'io.colony.plugins:colony-plugin-primes:0.1.0' is signed by 'CN=Issued Signer', whose certificate chain leads to the "
                + "trusted certificate 'CN=Colony Test CA' (manifest.truststore)";
        assertAllowed(reason, signedBy("issued"));
        assertAllowed(reason, signedBy("issued", "ca"));
        assertAllowed(reason, signedBy("issued", "ca", "stranger"));
    }

    @Test
    void aSignerIssuedThroughAnIntermediateCaIsAllowedWhenTheChainHasTheIntermediate() throws Exception {
        assertTrue(signedBy("deep", "intermediate", "ca").allowed());
        assertAllowed("jar 'io.colony.plugins:colony-plugin-primes:0.1.0' is signed by 'CN=Deep Signer', whose certificate chain leads to the "
                + "trusted certificate 'CN=Colony Test CA' (manifest.truststore)", signedBy("deep", "intermediate"));
        assertDenied("jar 'io.colony.plugins:colony-plugin-primes:0.1.0' is signed by 'CN=Deep Signer', which is neither a trusted certificate nor "
                + "issued by one (manifest.truststore)", signedBy("deep"));
    }

    @Test
    void aStrangerIsDeniedEvenWithATrustedCertificateInItsChain() throws Exception {
        String reason = "jar 'io.colony.plugins:colony-plugin-primes:0.1.0' is signed by 'CN=Stranger', which is neither a trusted certificate "
                + "nor issued by one (manifest.truststore)";
        assertDenied(reason, signedBy("stranger"));
        assertDenied(reason, signedBy("stranger", "ca"));
        assertDenied(reason, signedBy("stranger", "direct"));
    }

    @Test
    void anImpostorOfTheCasNameIsDenied() throws Exception {
        assertDenied("jar 'io.colony.plugins:colony-plugin-primes:0.1.0' is signed by 'CN=Impostor Signer', but the certificate "
                + "'CN=Colony Test CA' of its chain does not validate: signature check failed (manifest.truststore)", signedBy("impostor", "fakeca"));
        assertDenied("jar 'io.colony.plugins:colony-plugin-primes:0.1.0' is signed by 'CN=Impostor Signer', which is neither a trusted "
                + "certificate nor issued by one (manifest.truststore)", signedBy("impostor"));
    }

    @Test
    void expiredAndNotYetValidCertificatesAreDenied() throws Exception {
        assertDenied("jar 'io.colony.plugins:colony-plugin-primes:0.1.0' is signed by 'CN=Expired Signer', but its certificate has expired "
                + "(manifest.truststore)", signedBy("expired", "ca"));
        assertDenied("jar 'io.colony.plugins:colony-plugin-primes:0.1.0' is signed by 'CN=Future Signer', but its certificate is not yet valid "
                + "(manifest.truststore)", signedBy("future"));
        assertDenied("jar 'io.colony.plugins:colony-plugin-primes:0.1.0' is signed by 'CN=Expired Direct', a trusted certificate that has expired "
                + "(manifest.truststore)", signedBy("expired-direct"));
    }

    @Test
    void oneTrustedSignerIsEnoughAndTheDenialNamesEverySigner() throws Exception {
        assertAllowed("jar 'io.colony.plugins:colony-plugin-primes:0.1.0' is signed by 'CN=Direct Signer', a trusted certificate (manifest.truststore)",
                load(required, JAR, keystores.chain("stranger"), keystores.chain("direct")));
        assertDenied("jar 'io.colony.plugins:colony-plugin-primes:0.1.0' is signed by 'CN=Stranger', which is neither a trusted certificate nor "
                + "issued by one; and signed with an empty certificate chain (manifest.truststore)",
                load(required, JAR, keystores.chain("stranger"), List.of()));
    }

    @Test
    void aJksTruststoreWorksToo() throws Exception {
        TrustRules jks = rules(Map.of("manifest.signatures.required", "true", "manifest.truststore", etc.resolve("trust.jks").toString(),
                "manifest.truststore.password", TestKeystores.PASSWORD));
        assertTrue(load(jks, JAR, keystores.chain("issued")).allowed());
        assertFalse(load(jks, JAR, keystores.chain("direct")).allowed());
    }

    private static String configurationError(Map<String, ?> properties) {
        return assertThrows(InvalidConfigurationException.class, () -> TrustSettings.read(properties, etc)).getMessage();
    }

    private static Map<String, String> requiring(String truststore, String password) {
        return Map.of("manifest.signatures.required", "true", "manifest.truststore", truststore, "manifest.truststore.password", password);
    }

    @Test
    void requiredSignaturesNeedATruststore() {
        assertEquals("io.colony.trust: manifest.truststore = '': required when manifest.signatures.required is true",
                configurationError(Map.of("manifest.signatures.required", "true")));
    }

    @Test
    void aRelativeTruststoreIsFoundInTheConfigDirectoryAndAMissingOneIsAnError() {
        assertEquals(3, TrustSettings.read(requiring("trust.p12", TestKeystores.PASSWORD), etc).manifest().truststore().orElseThrow().certificates().size());
        assertEquals("io.colony.trust: manifest.truststore = 'missing.p12': no such file: " + etc.resolve("missing.p12"),
                configurationError(requiring("missing.p12", TestKeystores.PASSWORD)));
        assertEquals("io.colony.trust: manifest.truststore = '.': no such file: " + etc,
                configurationError(requiring(".", TestKeystores.PASSWORD)));
    }

    @Test
    void aFileThatIsNoKeystoreIsAnError() throws Exception {
        Files.writeString(etc.resolve("junk.p12"), "not a keystore");
        assertTrue(configurationError(requiring("junk.p12", "")).startsWith("io.colony.trust: manifest.truststore = 'junk.p12': cannot read "
                + etc.resolve("junk.p12") + " as a PKCS12 or JKS keystore: "));
    }

    @Test
    void aWrongPasswordIsAnErrorThatDoesNotShowThePassword() {
        for (String truststore : List.of("trust.p12", "trust.jks")) {
            assertEquals("io.colony.trust: manifest.truststore.password = '********': wrong password for " + etc.resolve(truststore),
                    configurationError(requiring(truststore, "wrong-secret")));
        }
    }

    @Test
    void aKeystoreWithoutTrustedCertificateEntriesIsAnError() {
        assertEquals("io.colony.trust: manifest.truststore = 'keys-only.p12': " + etc.resolve("keys-only.p12")
                + " holds no trusted certificate entries (add them with keytool -importcert)",
                configurationError(requiring("keys-only.p12", TestKeystores.PASSWORD)));
    }

    @Test
    void anEmptyPasswordReadsAJksTruststoreWithoutCheckingItsIntegrity() {
        assertEquals(1, TrustSettings.read(requiring("trust.jks", ""), etc).manifest().truststore().orElseThrow().certificates().size());
    }

    @Test
    void anEmptyPasswordCannotReadAPkcs12TruststoreWhoseCertificatesAreProtectedAndSaysSo() {
        assertEquals("io.colony.trust: manifest.truststore = 'trust.p12': " + etc.resolve("trust.p12") + " holds no trusted certificate entries "
                + "(add them with keytool -importcert; if its certificates are password-protected, set manifest.truststore.password)",
                configurationError(requiring("trust.p12", "")));
    }

    @Test
    void theTruststoreIsNotReadWhenSignaturesAreNotRequired() {
        assertTrue(TrustSettings.read(Map.of("manifest.truststore", "missing.p12"), etc).manifest().truststore().isEmpty());
    }

    @Test
    void thePolicyLogsTheTruststoreAndTheSignersOfTheJarsItDecidesOn() throws Exception {
        RecordingLogger log = new RecordingLogger();
        Map<String, String> properties = new HashMap<>(requiring("trust.p12", TestKeystores.PASSWORD));
        properties.putAll(Map.of("manifest.enabled", "true", "manifest.repositories", "file:/srv/repo", "manifest.groups", "io.colony.*"));
        TrustPolicyService policy = new TrustPolicyService(properties, etc, log.logger());
        assertEquals(List.of("info: Trust policy: commands disabled, manifest jobs enabled (repositories: 'file:///srv/repo'; groupIds: "
                + "'io.colony.*'; signatures required, trusted: " + etc.resolve("trust.p12") + " (3 certificates)), source jobs disabled"), log.lines());
        log.lines().clear();
        policy.check(new Request.LoadBundle(JAR, List.of()));
        policy.check(new Request.LoadBundle(JAR, List.of(keystores.chain("issued", "ca"), keystores.chain("stranger"))));
        assertEquals(List.of("info: Trust policy denies jar 'io.colony.plugins:colony-plugin-primes:0.1.0' (unsigned): jar "
                        + "'io.colony.plugins:colony-plugin-primes:0.1.0' is unsigned (or not every entry of it is signed), and signatures are required "
                        + "(manifest.signatures.required)",
                "debug: Trust policy allows jar 'io.colony.plugins:colony-plugin-primes:0.1.0' signed by 'CN=Issued Signer', 'CN=Stranger': jar "
                        + "'io.colony.plugins:colony-plugin-primes:0.1.0' is signed by 'CN=Issued Signer', whose certificate chain leads to the trusted "
                        + "certificate 'CN=Colony Test CA' (manifest.truststore)"), log.lines());
    }

    @Test
    void aMissingTruststoreKeepsThePolicyDownWithTheReasonLogged() {
        RecordingLogger log = new RecordingLogger();
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> new TrustPolicyService(requiring("missing.p12", ""), etc, log.logger()));
        assertEquals(List.of("error: Trust policy stays down: " + e.getMessage()), log.lines());
    }

    @Test
    void aTruststoreWithoutRequiredSignaturesIsWarnedOf() {
        RecordingLogger log = new RecordingLogger();
        new TrustPolicyService(Map.of("manifest.truststore", "trust.p12"), etc, log.logger());
        assertEquals(List.of("warn: manifest.truststore is not read while manifest.signatures.required is false: jars are loaded whether signed or not"),
                log.at("warn"));
    }
}
