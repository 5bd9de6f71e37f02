import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The benchmark's upstream: an OpenAI-compatible /v1/chat/completions that answers at once (JSON), or streams
 * {@code events} chunks {@code gapMillis} apart when the request says "stream":true. Run as a single-file program:
 * {@code java bench/FastUpstream.java PORT [events] [gapMillis]}. Virtual threads are not on Java 17: a large pool.
 */
public class FastUpstream {
    private static final byte[] JSON = ("{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"created\":1730000000,"
            + "\"model\":\"bench\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\","
            + "\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":5,"
            + "\"completion_tokens\":1,\"total_tokens\":6}}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] CHUNK = ("data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\","
            + "\"created\":1730000000,\"model\":\"bench\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" tok\"},"
            + "\"logprobs\":null,\"finish_reason\":null}]}\n\n").getBytes(StandardCharsets.UTF_8);
    private static final byte[] LAST = ("data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\","
            + "\"created\":1730000000,\"model\":\"bench\",\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,"
            + "\"finish_reason\":\"stop\"}]}\n\ndata: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\","
            + "\"created\":1730000000,\"model\":\"bench\",\"choices\":[],\"usage\":{\"prompt_tokens\":5,"
            + "\"completion_tokens\":200,\"total_tokens\":205}}\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        long gap = args.length > 2 ? Long.parseLong(args[2]) : 0;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 4096);
        server.setExecutor(Executors.newFixedThreadPool(2500));
        server.createContext("/v1/chat/completions", exchange -> answer(exchange, events, gap));
        server.start();
        System.out.println("fast upstream on " + port);
    }

    private static void answer(HttpExchange exchange, int events, long gap) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        boolean stream = new String(body, StandardCharsets.UTF_8).contains("\"stream\":true");
        try (OutputStream out = exchange.getResponseBody()) {
            if (!stream) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, JSON.length);
                out.write(JSON);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            for (int i = 0; i < events; i++) {
                if (gap > 0 && i > 0) {
                    Thread.sleep(gap);
                }
                out.write(CHUNK);
                out.flush();
            }
            out.write(LAST);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
