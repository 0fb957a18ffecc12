package io.colony.transport.internal;

import io.colony.api.config.ConfigurationValues;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The TLS keys of {@value TransportConfiguration#PID}: off by default; when on, this node's key and
 * certificate come from a PKCS12 keystore and the certificates it trusts from a PKCS12 truststore (the
 * keystore itself when none is named). Passwords never appear in {@link #toString()} or in errors.
 */
public record TlsSettings(boolean enabled, Path keystore, String keystorePassword, Path truststore, String truststorePassword) {

    public static final String ENABLED = "tls.enabled";
    public static final String KEYSTORE = "tls.keystore";
    public static final String KEYSTORE_PASSWORD = "tls.keystore.password";
    public static final String TRUSTSTORE = "tls.truststore";
    public static final String TRUSTSTORE_PASSWORD = "tls.truststore.password";

    public static final TlsSettings DISABLED = new TlsSettings(false, null, "", null, "");

    /** TLS with the given stores; the truststore's password is the keystore's when {@code truststorePassword} is null. */
    public static TlsSettings enabled(Path keystore, String keystorePassword, Path truststore, String truststorePassword) {
        return new TlsSettings(true, keystore, keystorePassword, truststore,
                truststorePassword != null ? truststorePassword : keystorePassword);
    }

    /**
     * @throws io.colony.api.config.InvalidConfigurationException naming the key, the value and the reason
     */
    static TlsSettings read(ConfigurationValues values) {
        if (!values.bool(ENABLED, false)) {
            return DISABLED;
        }
        Path keystore = existingFile(values, KEYSTORE, values.text(KEYSTORE, ""), "required when " + ENABLED + " is true");
        String keystorePassword = values.text(KEYSTORE_PASSWORD, "");
        String trustText = values.text(TRUSTSTORE, "");
        Path truststore = trustText.isEmpty() ? keystore : existingFile(values, TRUSTSTORE, trustText, "");
        String truststorePassword = values.text(TRUSTSTORE_PASSWORD, "");
        if (truststorePassword.isEmpty()) {
            truststorePassword = keystorePassword;
        }
        return new TlsSettings(true, keystore, keystorePassword, truststore, truststorePassword);
    }

    private static Path existingFile(ConfigurationValues values, String key, String text, String whenEmpty) {
        if (text.isEmpty()) {
            throw values.invalid(key, text, whenEmpty);
        }
        Path file;
        try {
            file = Path.of(text).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw values.invalid(key, text, "not a file path: " + e.getReason());
        }
        if (!Files.isRegularFile(file)) {
            throw values.invalid(key, text, "no such file: " + file);
        }
        if (!Files.isReadable(file)) {
            throw values.invalid(key, text, "the file " + file + " is not readable");
        }
        return file;
    }

    @Override
    public String toString() {
        return enabled ? "TLS (keystore " + keystore + ", truststore " + truststore + ")" : "no TLS";
    }
}
