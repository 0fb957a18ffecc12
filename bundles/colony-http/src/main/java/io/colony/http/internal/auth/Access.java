package io.colony.http.internal.auth;

/** Who may use a route. */
public enum Access {
    /** Anyone (the health check). */
    PUBLIC,
    /** A client presenting an accepted API token. */
    TOKEN,
    /** A client presenting an accepted token, or connecting from one of the PCCI open addresses. */
    TOKEN_OR_PCCI_ADDRESS
}
