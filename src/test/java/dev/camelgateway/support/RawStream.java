package dev.camelgateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A streaming request over a plain socket, read as the bytes arrive: what a test asserts is what the client had at a
 * given moment (the events, the keep-alive pings, the headers), in the order it got them. The read timeout is only a
 * guard that turns a hang into a failure.
 */
public final class RawStream implements AutoCloseable {
    private final Socket socket;
    private final StringBuilder seen = new StringBuilder();

    private RawStream(Socket socket) {
        this.socket = socket;
    }

    /**
     * POSTs the JSON body with the test gateway key; {@code receiveBuffer} > 0 makes the client's socket buffer that
     * small (a slow reader).
     */
    public static RawStream post(int port, String path, String json, int receiveBuffer, int readTimeoutMillis) throws IOException {
        return post(port, path, json, receiveBuffer, readTimeoutMillis, null);
    }

    /** As above, with the client's own {@code x-request-id} (to find the request's ledger rows without its answer). */
    public static RawStream post(int port, String path, String json, int receiveBuffer, int readTimeoutMillis,
                                 String clientRequestId) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
        socket.setSoTimeout(readTimeoutMillis);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                + TestKeys.KEY_HEADER_LINE
                + (clientRequestId == null ? "" : "x-request-id: " + clientRequestId + "\r\n")
                + "Content-Length: " + body.length + "\r\n\r\n";
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(body);
        socket.getOutputStream().flush();
        return new RawStream(socket);
    }

    /** Reads until what arrived so far contains {@code marker}; returns all of it (status line and headers included). */
    public String readUntil(String marker) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        while (seen.indexOf(marker) < 0) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no \"" + marker + "\" within the read timeout; the client had: " + seen, e);
            }
            if (n < 0) {
                throw new AssertionError("the connection closed before \"" + marker + "\"; the client had: " + seen);
            }
            seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        return seen.toString();
    }

    /** Reads until the gateway closes the response (the end of the chunked body) and returns everything. */
    public String readToEnd() throws IOException {
        return readUntil("\r\n0\r\n\r\n");
    }

    public String seen() {
        return seen.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
