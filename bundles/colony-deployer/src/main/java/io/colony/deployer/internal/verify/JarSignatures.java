package io.colony.deployer.internal.verify;

import io.colony.api.deploy.DeploymentException;
import io.colony.api.deploy.DeploymentException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.cert.Certificate;
import java.security.cert.CertPath;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Verifies a jar's signatures with the JDK: every entry is read in full, so that an entry changed
 * after signing fails ({@link SecurityException}); the signers are reported only when they signed
 * every entry outside {@code META-INF/}.
 */
public final class JarSignatures {

    private static final int BUFFER = 64 * 1024;

    private JarSignatures() {
    }

    /**
     * @return the certificate chains (signer first) that signed every entry outside {@code META-INF/};
     *     empty when the jar is unsigned, or not wholly signed by one signer
     * @throws DeploymentException SIGNATURE when an entry does not match its signature (the jar was
     *     tampered with), UNRESOLVED when the file is not a readable jar
     */
    public static List<List<X509Certificate>> signers(Path jar, String coordinates) throws DeploymentException {
        Set<CertPath> common = null;
        boolean whollySigned = true;
        byte[] buffer = new byte[BUFFER];
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                try (InputStream in = file.getInputStream(entry)) {
                    while (in.read(buffer) != -1) {
                        // reading to the end makes the JDK check the entry's digest against its signature
                    }
                }
                if (entry.isDirectory() || entry.getName().startsWith("META-INF/")) {
                    continue;
                }
                Set<CertPath> signers = signersOf(entry);
                if (signers.isEmpty()) {
                    whollySigned = false;
                } else if (common == null) {
                    common = signers;
                } else {
                    common.retainAll(signers);
                }
            }
        } catch (SecurityException e) {
            throw new DeploymentException(Reason.SIGNATURE, coordinates + " has a broken signature (was it changed after signing?): "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new DeploymentException(Reason.UNRESOLVED, coordinates + " is not a readable jar: " + e.getMessage(), e);
        }
        if (!whollySigned || common == null) {
            return List.of();
        }
        List<List<X509Certificate>> chains = new ArrayList<>();
        for (CertPath path : common) {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : path.getCertificates()) {
                if (certificate instanceof X509Certificate x509) {
                    chain.add(x509);
                }
            }
            if (!chain.isEmpty()) {
                chains.add(List.copyOf(chain));
            }
        }
        return List.copyOf(chains);
    }

    private static Set<CertPath> signersOf(JarEntry entry) {
        CodeSigner[] signers = entry.getCodeSigners();
        Set<CertPath> paths = new LinkedHashSet<>();
        if (signers != null) {
            for (CodeSigner signer : signers) {
                paths.add(signer.getSignerCertPath());
            }
        }
        return paths;
    }
}
