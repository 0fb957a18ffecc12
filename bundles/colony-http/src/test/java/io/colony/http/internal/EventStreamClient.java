package io.colony.http.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.stream.Stream;

/** A client of {@code GET /api/v1/events} reading the stream line by line. */
final class EventStreamClient implements AutoCloseable {

    final HttpResponse<Stream<String>> response;
    private final Iterator<String> lines;

    EventStreamClient(HttpClient client, URI uri, String token) throws IOException, InterruptedException {
        response = client.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        lines = response.body().iterator();
    }

    String nextLine() {
        return lines.next();
    }

    /** The next event, {@code "event: <name>\ndata: <json>"}, skipping comments and blank lines. */
    String nextEvent() {
        while (true) {
            String line = lines.next();
            if (line.startsWith("event: ")) {
                return line + "\n" + lines.next();
            }
        }
    }

    @Override
    public void close() {
        response.body().close();
    }
}
