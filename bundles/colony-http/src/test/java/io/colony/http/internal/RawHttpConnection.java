package io.colony.http.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** A plain socket speaking HTTP/1.1 by hand, for what HttpClient will not do: garbage, pipelining, a client that never reads. */
final class RawHttpConnection implements AutoCloseable {

    private static final int TIMEOUT_MS = 5000;
    private static final int MAX_HEAD_BYTES = 16 * 1024;

    private final Socket socket = new Socket();
    private final InputStream in;
    private final OutputStream out;

    record Response(int status, Map<String, String> headers, String body) {
    }

    RawHttpConnection(InetSocketAddress address) throws IOException {
        this(address, 0);
    }

    /** @param receiveBuffer the socket's receive buffer in bytes, or 0 for the system's */
    RawHttpConnection(InetSocketAddress address, int receiveBuffer) throws IOException {
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(address, TIMEOUT_MS);
        socket.setSoTimeout(TIMEOUT_MS);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Reads one response with a Content-Length (or none, for 204). */
    Response readResponse() throws IOException {
        String head = readHead();
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    /** True when the peer closed the connection (read returns end of stream, or a reset) within the timeout. */
    boolean closedByPeer() throws IOException {
        try {
            while (in.read() != -1) {
                // skip what was still in flight
            }
            return true;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (head.size() < MAX_HEAD_BYTES) {
            int b = in.read();
            if (b == -1) {
                throw new IOException("connection closed after " + head.size() + " bytes of response head");
            }
            head.write(b);
            String text = head.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                return text.substring(0, text.length() - 4);
            }
        }
        throw new IOException("response head longer than " + MAX_HEAD_BYTES + " bytes");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
