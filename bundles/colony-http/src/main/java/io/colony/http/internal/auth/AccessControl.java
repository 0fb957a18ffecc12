package io.colony.http.internal.auth;

import io.colony.http.internal.routing.ApiException;
import java.net.InetAddress;
import java.util.Set;

/**
 * Decides whether a request may use a route: tokens come as {@code Authorization: Bearer <token>}
 * (or {@code X-Colony-Token: <token>}); no token is 401 with {@code WWW-Authenticate: Bearer}, a
 * token not accepted is 403.
 */
public final class AccessControl {

    public static final String TOKEN_HEADER = "X-Colony-Token";
    static final String CHALLENGE = "Bearer realm=\"colony\"";
    private static final String BEARER = "bearer ";

    private final boolean required;
    private final ApiTokens tokens;
    private final Set<InetAddress> pcciOpenAddresses;

    /** @param tokens may be null only when {@code required} is false */
    public AccessControl(boolean required, ApiTokens tokens, Set<InetAddress> pcciOpenAddresses) {
        if (required && tokens == null) {
            throw new IllegalArgumentException("tokens are required when authentication is");
        }
        this.required = required;
        this.tokens = tokens;
        this.pcciOpenAddresses = Set.copyOf(pcciOpenAddresses);
    }

    /**
     * @param authorization the {@code Authorization} header, or null
     * @param colonyToken the {@code X-Colony-Token} header, or null
     * @throws ApiException 401 or 403 when the request may not use the route
     */
    public void check(Access access, String authorization, String colonyToken, InetAddress remote) throws ApiException {
        if (!required || access == Access.PUBLIC) {
            return;
        }
        if (access == Access.TOKEN_OR_PCCI_ADDRESS && remote != null && pcciOpenAddresses.contains(remote)) {
            return;
        }
        String token = presented(authorization, colonyToken);
        if (!tokens.accepts(token)) {
            throw new ApiException(403, "authorization", "authorization: token not accepted");
        }
    }

    /**
     * The token a request presents, for the trust policy (which tokens may submit source jobs); empty when it
     * presents none or a malformed one (which {@link #check} has refused wherever a token is required).
     */
    public static String presentedOrEmpty(String authorization, String colonyToken) {
        try {
            return presented(authorization, colonyToken);
        } catch (ApiException none) {
            return "";
        }
    }

    private static String presented(String authorization, String colonyToken) throws ApiException {
        if (authorization != null) {
            if (authorization.length() < BEARER.length() || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                throw unauthorized("only Bearer tokens are accepted (Authorization: Bearer <token>)");
            }
            String token = authorization.substring(BEARER.length()).trim();
            if (token.isEmpty()) {
                throw unauthorized("the Bearer token is empty");
            }
            return token;
        }
        if (colonyToken != null && !colonyToken.isBlank()) {
            return colonyToken.trim();
        }
        throw unauthorized("a token is required (Authorization: Bearer <token> or " + TOKEN_HEADER + ": <token>)");
    }

    private static ApiException unauthorized(String reason) {
        return new ApiException(401, "authorization", "authorization: " + reason).withHeader("WWW-Authenticate", CHALLENGE);
    }
}
