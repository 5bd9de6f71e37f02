package dev.camelgateway.resilience;

import dev.camelgateway.support.GatewayTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider's pooled connection that the upstream closed while it sat idle (a keep-alive timeout) is not used for
 * the next call: without the check, that call failed with {@code NoHttpResponseException}, cost a retry and counted
 * against the provider's breaker. Drives the provider's own HTTP component ({@code upstream-ollama}, whose
 * {@code revalidate-after-idle} is 200 ms in the tests) against an upstream that closes idle connections after 50 ms.
 */
class IdleConnectionsTest extends GatewayTestSupport {
    private static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
            .getBytes(StandardCharsets.US_ASCII);

    @Autowired
    private ProducerTemplate camel;

    @Test
    void aConnectionTheUpstreamClosedWhileIdleIsNotReused() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread upstream = new Thread(() -> answerOnceThenCloseWhenIdle(server, connections), "idle-closing-upstream");
            upstream.setDaemon(true);
            upstream.start();
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/v1/chat/completions";

            assertThat(call(url)).isEqualTo("{}");
            Thread.sleep(400); // the upstream closes its side after 50 ms; the pool checks connections idle for 200 ms
            assertThat(call(url)).isEqualTo("{}");
            assertThat(connections.get()).isEqualTo(2);
        }
    }

    private String call(String url) {
        return camel.requestBodyAndHeaders("upstream-ollama://ollama", "{\"model\":\"m\"}",
                Map.of(Exchange.HTTP_URI, url, Exchange.HTTP_METHOD, "POST", Exchange.CONTENT_TYPE, "application/json"),
                String.class);
    }

    /** Each connection: one request answered with keep-alive, then closed 50 ms later, as an idle timeout would. */
    private static void answerOnceThenCloseWhenIdle(ServerSocket server, AtomicInteger connections) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                connections.incrementAndGet();
                readRequest(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                out.write(ANSWER);
                out.flush();
                Thread.sleep(50);
            } catch (IOException e) {
                return; // the server socket was closed at the end of the test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.US_ASCII).toLowerCase();
        int at = headers.indexOf("content-length:");
        if (at >= 0) {
            int length = Integer.parseInt(headers.substring(at + 15, headers.indexOf("\r\n", at)).trim());
            in.readNBytes(length);
        }
    }
}
