package dev.camelgateway.server;

import dev.camelgateway.GatewayApplication;
import dev.camelgateway.support.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load from one client cannot take the gateway from the others. A gateway of its own with small limits: 50
 * connections, request headers within 1 s, 4 API requests in flight, 2 per client. Attackers and victims are told
 * apart by their loopback source address (127.0.0.2 is another machine to the gateway).
 */
class LoadProtectionTest {
    private static final int MAX_CONNECTIONS = 50;
    private static ConfigurableApplicationContext gateway;
    private static int apiPort;
    private static int managementPort;

    @BeforeAll
    static void startGateway() throws IOException {
        apiPort = freePort();
        gateway = new SpringApplicationBuilder(GatewayApplication.class).run("--server.port=" + apiPort,
                "--management.server.port=0", "--server.tomcat.max-connections=" + MAX_CONNECTIONS,
                "--gateway.limits.header-timeout=1s", "--gateway.limits.in-flight=4", "--gateway.limits.in-flight-per-client=2",
                "--gateway.ledger.url=jdbc:h2:mem:load-protection;DB_CLOSE_DELAY=-1", "--gateway.demo.word-delay=200ms",
                "--gateway.ledger.spool.directory=" + java.nio.file.Files.createTempDirectory("load-protection-spool"),
                TestKeys.gatewayKeyArgument());
        managementPort = gateway.getEnvironment().getProperty("local.management.port", Integer.class);
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    /** Twice the connection limit of slow-header connections, reopened as fast as they are cut. */
    @Test
    void slowHeaderConnectionsCannotStarveHealthOrTheApi() throws Exception {
        AtomicBoolean attacking = new AtomicBoolean(true);
        AtomicInteger cut = new AtomicInteger();
        Thread attacker = new Thread(() -> holdSlowHeaderConnections(2 * MAX_CONNECTIONS, attacking, cut), "slow-headers");
        attacker.start();
        try {
            Thread.sleep(500); // the connection table is full by now
            for (int round = 0; round < 5; round++) {
                HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(); // a new connection
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + managementPort + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                HttpResponse<String> chat = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(
                        TestKeys.keyed(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/v1/chat/completions")))
                                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(chat(false))).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
            }
        } finally {
            attacking.set(false);
            attacker.join(10_000);
        }
        assertThat(cut.get()).as("slow-header connections cut by the gateway").isGreaterThan(MAX_CONNECTIONS);
    }

    /** The management port has the header deadline too: a trickling connection is closed, however long it trickles. */
    @Test
    void aSlowHeaderConnectionToTheManagementPortIsCut() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", managementPort)) {
            socket.setSoTimeout(100);
            socket.getOutputStream().write("GET /actuator/health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            boolean cut = false;
            for (int i = 0; i < 100 && !cut; i++) { // 1 s of header deadline; at most 10 s of trickling
                try {
                    socket.getOutputStream().write('X');
                    cut = socket.getInputStream().read() == -1;
                } catch (java.net.SocketTimeoutException stillOpen) {
                    // no answer yet: keep trickling
                } catch (IOException reset) {
                    cut = true;
                }
            }
            assertThat(cut).as("closed by the gateway").isTrue();
        }
    }

    @Test
    void oneClientCannotHoldMoreThanItsShareNorAllTogetherMoreThanTheLimit() throws Exception {
        List<Socket> open = new ArrayList<>();
        try {
            open.add(startStream("127.0.0.1", 200));
            open.add(startStream("127.0.0.1", 200));
            Socket third = startStream("127.0.0.1", 429);
            assertThat(readRest(third)).contains("\"code\":\"too_many_concurrent_requests\"").contains("Retry-After: 1");
            open.add(startStream("127.0.0.2", 200)); // another client is not affected
            open.add(startStream("127.0.0.2", 200));
            Socket overLimit = startStream("127.0.0.3", 503); // 4 in flight: the gateway's limit
            assertThat(readRest(overLimit)).contains("\"code\":\"overloaded\"").contains("Retry-After: 1");
        } finally {
            for (Socket s : open) {
                readRest(s); // each stream runs to its end
            }
        }
        Socket again = startStream("127.0.0.1", 200); // every slot came back
        assertThat(readRest(again)).contains("data: [DONE]");
    }

    /** Opens a stream from the given source address and reads its status line. */
    private static Socket startStream(String from, int expectedStatus) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", apiPort), 5000);
        socket.setSoTimeout(20_000);
        byte[] body = chat(true).getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + TestKeys.KEY_HEADER_LINE + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        StringBuilder status = new StringBuilder();
        int c;
        while ((c = socket.getInputStream().read()) != -1 && c != '\n') {
            status.append((char) c);
        }
        assertThat(status.toString()).as("from " + from).startsWith("HTTP/1.1 " + expectedStatus);
        return socket;
    }

    private static String readRest(Socket socket) throws IOException {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder all = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                all.append(line).append('\n');
            }
            return all.toString();
        }
    }

    /** Keeps {@code count} connections from 127.0.0.2 sending a header byte at a time; reopens each one that is cut. */
    private static void holdSlowHeaderConnections(int count, AtomicBoolean attacking, AtomicInteger cut) {
        Socket[] sockets = new Socket[count];
        while (attacking.get()) {
            for (int i = 0; i < count && attacking.get(); i++) {
                try {
                    if (sockets[i] == null) {
                        sockets[i] = new Socket();
                        sockets[i].bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
                        sockets[i].connect(new InetSocketAddress("127.0.0.1", apiPort), 5000);
                        sockets[i].getOutputStream().write("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    sockets[i].getOutputStream().write("X".getBytes(StandardCharsets.US_ASCII));
                    if (sockets[i].getInputStream().available() > 0 || sockets[i].isInputShutdown()) {
                        throw new IOException("answered");
                    }
                } catch (IOException e) {
                    cut.incrementAndGet();
                    closeQuietly(sockets[i]);
                    sockets[i] = null;
                }
            }
            sleep(100);
        }
        for (Socket s : sockets) {
            closeQuietly(s);
        }
    }

    private static String chat(boolean stream) {
        return "{\"model\":\"demo\",\"stream\":" + stream + ",\"max_tokens\":8,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    }

    private static void closeQuietly(Socket socket) {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // already gone
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
