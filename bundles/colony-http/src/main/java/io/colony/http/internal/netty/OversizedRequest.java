package io.colony.http.internal.netty;

/**
 * Passed down the pipeline in place of a request whose body is over the limit, so that its 413 is
 * answered in turn with the connection's other requests.
 *
 * @param keepAlive whether the connection can carry another request (the rest of the body is skipped)
 */
record OversizedRequest(String uri, int maxBodyBytes, boolean keepAlive) {
}
