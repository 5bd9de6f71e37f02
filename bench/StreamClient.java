import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Streams through a URL and reports time to first event and total time (ms percentiles), and whether every stream
 * ended with [DONE]: {@code java bench/StreamClient.java URL streams concurrency [model]}. Extra request headers, if
 * any, come from the environment: {@code BENCH_HEADERS="Name: value|Name2: value2"} (the benchmark's peer needs them).
 * The client speaks plain HTTP/1.1 to all three targets: by default java.net.http asks every request on http:// to
 * upgrade to h2c, and a node server with a WebSocket upgrade handler, like the peer's (@hono/node-ws), takes such a
 * request as an upgrade and answers 500 with no body. Failed streams are counted by cause ("errors").
 */
public class StreamClient {
    private static final java.util.Map<String, Integer> ERRORS = new java.util.concurrent.ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int streams = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        String body = "{\"model\":\"" + (args.length > 3 ? args[3] : "bench") + "\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        String[] headers = headers(System.getenv("BENCH_HEADERS"));
        HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8))
                .version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<double[]> results = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            all.add(CompletableFuture.runAsync(() -> results.add(one(client, url, body, headers)), pool));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        pool.shutdown();
        List<Double> ttft = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        int intact = 0;
        for (double[] r : results) {
            ttft.add(r[0]);
            total.add(r[1]);
            intact += (int) r[2];
        }
        StringBuilder errors = new StringBuilder();
        ERRORS.forEach((cause, count) -> errors.append(errors.length() == 0 ? "" : ",").append('"')
                .append(cause.replace("\\", "/").replace("\"", "'")).append("\":").append(count));
        System.out.printf("{\"streams\":%d,\"intact\":%d,\"ttft_ms\":{\"p50\":%.3f,\"p99\":%.3f},\"total_ms\":{\"p50\":%.3f,\"p99\":%.3f},\"errors\":{%s}}%n",
                streams, intact, pct(ttft, 50), pct(ttft, 99), pct(total, 50), pct(total, 99), errors);
        System.exit(0);
    }

    /** "Name: value|Name2: value2" as name, value, name, value...; none when unset or blank. */
    private static String[] headers(String spec) {
        List<String> out = new ArrayList<>();
        if (spec != null) {
            for (String header : spec.split("\\|")) {
                int colon = header.indexOf(':');
                if (colon > 0) {
                    out.add(header.substring(0, colon).trim());
                    out.add(header.substring(colon + 1).trim());
                }
            }
        }
        return out.toArray(String[]::new);
    }

    private static double[] one(HttpClient client, String url, String body, String[] headers) {
        try {
            long start = System.nanoTime();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
            if (headers.length > 0) {
                request.headers(headers);
            }
            HttpResponse<InputStream> response = client.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            InputStream in = response.body();
            byte[] buf = new byte[16384];
            long first = 0;
            StringBuilder tail = new StringBuilder();
            int n;
            while ((n = in.read(buf)) > 0) {
                if (first == 0) {
                    first = System.nanoTime();
                }
                tail.append(new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8));
                if (tail.length() > 64) {
                    tail.delete(0, tail.length() - 64);
                }
            }
            long end = System.nanoTime();
            if (response.statusCode() != 200) {
                ERRORS.merge("HTTP " + response.statusCode() + " ..." + tail.toString().replace("\n", " ").replace("\"", "'"), 1, Integer::sum);
            } else if (!tail.toString().contains("[DONE]")) {
                ERRORS.merge("no [DONE]: ..." + tail.toString().replace("\n", " ").replace("\"", "'"), 1, Integer::sum);
            }
            return new double[] {(first - start) / 1e6, (end - start) / 1e6, tail.toString().contains("[DONE]") ? 1 : 0};
        } catch (Exception e) {
            ERRORS.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
            return new double[] {Double.NaN, Double.NaN, 0};
        }
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values.stream().filter(v -> !v.isNaN()).toList());
        Collections.sort(sorted);
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
