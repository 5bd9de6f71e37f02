package dev.camelgateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A gateway in a JVM of its own, started from the test classpath in the project root (the real routes/ and config/):
 * an instance that can be killed as a machine dies ({@link #kill}: SIGKILL, no shutdown hook, no graceful end).
 * Its output goes to a file under target/ for when a test fails.
 */
public final class GatewayProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> arguments;
    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private final int managementPort;
    private Process process;

    public GatewayProcess(String name, int port, int managementPort, List<String> arguments, Map<String, String> environment) {
        this.port = port;
        this.managementPort = managementPort;
        this.arguments = List.copyOf(arguments);
        this.environment = Map.copyOf(environment);
        this.log = Path.of("target", "gateway-" + name + ".log");
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Starts it and waits until its health check answers UP (at most two minutes: two cores, two JVMs). */
    public GatewayProcess start() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", classpath(), "dev.camelgateway.GatewayApplication",
                "--server.port=" + port, "--management.server.port=" + managementPort));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway exited with " + process.exitValue() + "; see " + log);
            }
            if (healthy()) {
                return this;
            }
            sleep(200);
        }
        throw new IllegalStateException("the gateway did not become healthy in 2 minutes; see " + log);
    }

    /** As a machine dies: SIGKILL, nothing of the gateway runs after it. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor();
        }
    }

    /** A graceful stop (SIGTERM): streams finish, the ledger drains. */
    public void stop() {
        if (process != null) {
            process.destroy();
            waitFor();
        }
    }

    private void waitFor() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean healthy() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                    + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Surefire runs tests from a manifest-only jar; the real classpath is in this property. */
    private static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }

    public Path log() {
        return log;
    }
}
