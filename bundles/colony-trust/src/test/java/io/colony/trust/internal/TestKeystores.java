package io.colony.trust.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real certificates for signature tests, made by the JDK's keytool in a directory: a CA, an
 * intermediate CA it issued, signers it issued (valid, expired, not yet valid, and one through the
 * intermediate), a self-signed signer to trust directly (and an expired one), a stranger, and an
 * impostor issued by a self-signed certificate that copies the CA's name. {@code trust.p12} and
 * {@code trust.jks} are truststores; {@code keys-only.p12} holds a private key and no trusted entry.
 */
final class TestKeystores {

    static final String PASSWORD = "test-password";
    static final String CA = "CN=Colony Test CA";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    private final Path directory;

    private TestKeystores(Path directory) {
        this.directory = directory;
    }

    static TestKeystores create(Path directory) throws Exception {
        TestKeystores keystores = new TestKeystores(directory);
        keystores.make();
        return keystores;
    }

    private void make() throws Exception {
        keytool(genkeypair("ca", CA, "-ext", "bc:c"), genkeypair("intermediate", "CN=Colony Intermediate CA", "-ext", "bc:c"),
                genkeypair("fakeca", CA, "-ext", "bc:c"), genkeypair("leaf", "CN=Leaf"), genkeypair("direct", "CN=Direct Signer"),
                genkeypair("stranger", "CN=Stranger"), genkeypair("expired-direct", "CN=Expired Direct", "-startdate", "-30d", "-validity", "1"));
        keytool(export("ca"), export("direct"), export("stranger"), export("fakeca"), export("expired-direct"), certreq("leaf"), certreq("intermediate"));
        keytool(gencert("ca", "intermediate", "intermediate", "CN=Colony Intermediate CA", "-ext", "bc:c"),
                gencert("ca", "leaf", "issued", "CN=Issued Signer"),
                gencert("ca", "leaf", "expired", "CN=Expired Signer", "-startdate", "-30d", "-validity", "1"),
                gencert("ca", "leaf", "future", "CN=Future Signer", "-startdate", "+30d"),
                gencert("intermediate", "leaf", "deep", "CN=Deep Signer"),
                gencert("fakeca", "leaf", "impostor", "CN=Impostor Signer"));
        for (String trusted : List.of("ca", "direct", "expired-direct")) {
            keytool(importcert(trusted, "trust.p12", "PKCS12"));
        }
        keytool(importcert("ca", "trust.jks", "JKS"));
        Files.copy(keystore("stranger"), directory.resolve("keys-only.p12"));
    }

    /** The certificate {@code name}.crt. */
    X509Certificate certificate(String name) throws Exception {
        try (InputStream in = Files.newInputStream(directory.resolve(name + ".crt"))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** A chain of the certificates named, signer first. */
    List<X509Certificate> chain(String... names) throws Exception {
        List<X509Certificate> chain = new ArrayList<>();
        for (String name : names) {
            chain.add(certificate(name));
        }
        return chain;
    }

    private Path keystore(String name) {
        return directory.resolve(name + ".p12");
    }

    private String[] genkeypair(String name, String dname, String... more) {
        return withStore(name, List.of("-genkeypair", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname, "-validity", "30"), more);
    }

    private String[] export(String name) {
        return withStore(name, List.of("-exportcert", "-rfc", "-file", directory.resolve(name + ".crt").toString()));
    }

    private String[] certreq(String name) {
        return withStore(name, List.of("-certreq", "-file", directory.resolve(name + ".csr").toString()));
    }

    /** Signs {@code subject}.csr with the key of {@code issuer} into {@code name}.crt, named {@code dname}. */
    private String[] gencert(String issuer, String subject, String name, String dname, String... more) {
        return withStore(issuer, List.of("-gencert", "-rfc", "-infile", directory.resolve(subject + ".csr").toString(), "-outfile",
                directory.resolve(name + ".crt").toString(), "-dname", dname, "-validity", "30"), more);
    }

    private String[] importcert(String name, String truststore, String type) {
        return new String[] {"-importcert", "-noprompt", "-alias", name, "-file", directory.resolve(name + ".crt").toString(),
                "-storetype", type, "-keystore", directory.resolve(truststore).toString(), "-storepass", PASSWORD};
    }

    /** The arguments, then those naming the key pair {@code name} in {@code name}.p12, then {@code more} (a later option wins in keytool). */
    private String[] withStore(String name, List<String> arguments, String... more) {
        List<String> all = new ArrayList<>(arguments);
        all.addAll(List.of("-alias", name, "-storetype", "PKCS12", "-keystore", keystore(name).toString(), "-storepass", PASSWORD));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** Runs keytool once for each argument list, all at once, and waits for every one to succeed. */
    private static void keytool(String[]... runs) throws Exception {
        List<Process> processes = new ArrayList<>();
        for (String[] arguments : runs) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC"));
            command.addAll(List.of(arguments));
            processes.add(new ProcessBuilder(command).redirectErrorStream(true).start());
        }
        for (Process process : processes) {
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool did not finish within " + KEYTOOL_TIMEOUT_SECONDS + " s: " + process.info());
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed (" + process.exitValue() + "): "
                        + new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }
}
