package io.colony.transport.internal;

import io.colony.api.config.ConfigurationValues;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.util.Collections;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A PKCS12 file named by a configuration key, opened with the password of another key. Whatever goes
 * wrong is reported as an invalid configuration naming the key and the file, never the password.
 */
final class Pkcs12Store {

    private static final String HIDDEN = "********";

    private final ConfigurationValues values;
    private final String fileKey;
    private final String passwordKey;
    private final Path file;
    private final char[] password;
    private final KeyStore store;

    private Pkcs12Store(ConfigurationValues values, String fileKey, String passwordKey, Path file, String password) {
        this.values = values;
        this.fileKey = fileKey;
        this.passwordKey = passwordKey;
        this.file = file;
        this.password = password.toCharArray();
        this.store = load();
    }

    /** The keystore: this node's private key and certificate chain. */
    static KeyManagerFactory keyManagers(TlsSettings tls) {
        Pkcs12Store keystore = new Pkcs12Store(values(), TlsSettings.KEYSTORE, TlsSettings.KEYSTORE_PASSWORD, tls.keystore(), tls.keystorePassword());
        return keystore.keyManagerFactory();
    }

    /** The truststore: the certificates (a CA's or the peers' own) that peers must present. */
    static TrustManagerFactory trustManagers(TlsSettings tls) {
        Pkcs12Store truststore = new Pkcs12Store(values(), TlsSettings.TRUSTSTORE, TlsSettings.TRUSTSTORE_PASSWORD, tls.truststore(),
                tls.truststorePassword());
        return truststore.trustManagerFactory();
    }

    private static ConfigurationValues values() {
        return ConfigurationValues.of(TransportConfiguration.PID, Collections.emptyMap());
    }

    private KeyStore load() {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore loaded = KeyStore.getInstance("PKCS12");
            loaded.load(in, password);
            return loaded;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw values.invalid(passwordKey, HIDDEN, "wrong password for " + file);
            }
            throw values.invalid(fileKey, file, "cannot read " + file + " as a PKCS12 keystore: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw values.invalid(fileKey, file, "cannot read " + file + " as a PKCS12 keystore: " + e.getMessage());
        }
    }

    private KeyManagerFactory keyManagerFactory() {
        try {
            if (!hasEntry(true)) {
                throw values.invalid(fileKey, file, file + " holds no private key");
            }
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password);
            return factory;
        } catch (UnrecoverableKeyException e) {
            throw values.invalid(passwordKey, HIDDEN, "the private key in " + file + " cannot be read with this password");
        } catch (GeneralSecurityException e) {
            throw values.invalid(fileKey, file, "cannot use the keys in " + file + ": " + e.getMessage());
        }
    }

    private TrustManagerFactory trustManagerFactory() {
        try {
            if (!hasEntry(false)) {
                throw values.invalid(fileKey, file, file + " holds no certificate");
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (GeneralSecurityException e) {
            throw values.invalid(fileKey, file, "cannot use the certificates in " + file + ": " + e.getMessage());
        }
    }

    /** Whether the store holds a private key ({@code key}) or any certificate (otherwise). */
    private boolean hasEntry(boolean key) throws KeyStoreException {
        for (String alias : Collections.list(store.aliases())) {
            if (key ? store.isKeyEntry(alias) : store.getCertificate(alias) != null) {
                return true;
            }
        }
        return false;
    }
}
