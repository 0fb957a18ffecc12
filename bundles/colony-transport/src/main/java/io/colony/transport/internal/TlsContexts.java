package io.colony.transport.internal;

import io.colony.api.config.ConfigurationValues;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.time.Duration;
import java.util.Collections;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS contexts of one transport, built once when it starts: both sides present their certificate
 * and check the peer's against the truststore (the server requires a client certificate). Peers are
 * identified by their certificates and the cluster secret, not by host names: nodes connect to the
 * addresses discovery found, so host name verification is off.
 */
final class TlsContexts {

    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final SslContext server;
    private final SslContext client;
    private final long handshakeTimeoutMillis;

    private TlsContexts(SslContext server, SslContext client, Duration handshakeTimeout) {
        this.server = server;
        this.client = client;
        this.handshakeTimeoutMillis = handshakeTimeout.toMillis();
    }

    /**
     * The contexts for the settings' TLS keys, or null when TLS is off.
     *
     * @throws io.colony.api.config.InvalidConfigurationException naming the key and the file that cannot be used
     */
    static TlsContexts create(TransportSettings settings) {
        TlsSettings tls = settings.tls();
        if (!tls.enabled()) {
            return null;
        }
        KeyManagerFactory keys = Pkcs12Store.keyManagers(tls);
        TrustManagerFactory trust = Pkcs12Store.trustManagers(tls);
        try {
            SslContext server = configure(SslContextBuilder.forServer(keys), trust).clientAuth(ClientAuth.REQUIRE).build();
            SslContext client = configure(SslContextBuilder.forClient().keyManager(keys), trust).build();
            return new TlsContexts(server, client, settings.handshakeTimeout());
        } catch (SSLException | IllegalArgumentException e) {
            throw ConfigurationValues.of(TransportConfiguration.PID, Collections.emptyMap())
                    .invalid(TlsSettings.KEYSTORE, tls.keystore(), "cannot set up TLS with " + tls.keystore() + ": " + e.getMessage());
        }
    }

    private static SslContextBuilder configure(SslContextBuilder builder, TrustManagerFactory trust) {
        return builder.sslProvider(SslProvider.JDK)
                .trustManager(trust)
                .protocols(PROTOCOLS)
                .endpointIdentificationAlgorithm(null);
    }

    SslHandler serverHandler(ByteBufAllocator allocator) {
        return withTimeout(server.newHandler(allocator));
    }

    SslHandler clientHandler(ByteBufAllocator allocator) {
        return withTimeout(client.newHandler(allocator));
    }

    private SslHandler withTimeout(SslHandler handler) {
        handler.setHandshakeTimeoutMillis(handshakeTimeoutMillis);
        return handler;
    }
}
