package io.colony.trust.internal;

import io.colony.api.config.ConfigurationValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The certificates that jar signers must be (or be issued by) when manifest jobs require signatures:
 * the trusted certificate entries of a PKCS12 or JKS keystore (private key entries do not count).
 * Whatever goes wrong in reading it is reported as an invalid configuration naming the key and the
 * file, never the password.
 *
 * @param file         the keystore, absolute
 * @param certificates its trusted certificates; never empty
 */
record Truststore(Path file, List<X509Certificate> certificates) {

    static final String FILE = "manifest.truststore";
    static final String PASSWORD = "manifest.truststore.password";

    private static final String HIDDEN = "********";

    Truststore {
        certificates = List.copyOf(certificates);
    }

    /**
     * Reads {@value #FILE} (relative to {@code configDirectory}) with {@value #PASSWORD}, which may be
     * empty: then the keystore's integrity is not checked.
     *
     * @throws io.colony.api.config.InvalidConfigurationException naming the key, the value and the reason
     */
    static Truststore read(ConfigurationValues values, Path configDirectory) {
        String name = values.text(FILE, "");
        if (name.isEmpty()) {
            throw values.invalid(FILE, name, "required when " + ManifestSettings.SIGNATURES_REQUIRED + " is true");
        }
        Path file;
        try {
            file = configDirectory.resolve(name).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw values.invalid(FILE, name, "not a file path: " + e.getReason());
        }
        if (!Files.isRegularFile(file)) {
            throw values.invalid(FILE, name, "no such file: " + file);
        }
        if (!Files.isReadable(file)) {
            throw values.invalid(FILE, name, "the file " + file + " is not readable");
        }
        String password = values.text(PASSWORD, "");
        KeyStore store;
        try {
            store = KeyStore.getInstance(file.toFile(), password.isEmpty() ? null : password.toCharArray());
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw values.invalid(PASSWORD, HIDDEN, "wrong password for " + file);
            }
            throw values.invalid(FILE, name, "cannot read " + file + " as a PKCS12 or JKS keystore: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw values.invalid(FILE, name, "cannot read " + file + " as a PKCS12 or JKS keystore: " + e.getMessage());
        }
        List<X509Certificate> certificates = trustedCertificates(values, name, file, store);
        if (certificates.isEmpty()) {
            throw values.invalid(FILE, name, file + " holds no trusted certificate entries (add them with keytool -importcert"
                    + (password.isEmpty() ? "; if its certificates are password-protected, set " + PASSWORD : "") + ")");
        }
        return new Truststore(file, certificates);
    }

    private static List<X509Certificate> trustedCertificates(ConfigurationValues values, String name, Path file, KeyStore store) {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                Certificate certificate = store.isCertificateEntry(alias) ? store.getCertificate(alias) : null;
                if (certificate instanceof X509Certificate x509) {
                    certificates.add(x509);
                }
            }
        } catch (KeyStoreException e) {
            throw values.invalid(FILE, name, "cannot list the certificates in " + file + ": " + e.getMessage());
        }
        return certificates;
    }

    @Override
    public String toString() {
        return file + " (" + certificates.size() + (certificates.size() == 1 ? " certificate)" : " certificates)");
    }
}
