package dev.camelgateway.support;

import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A redis-server of a test's own, as a child process on a free port (no persistence, loopback only), so that a test
 * may flush, stop, restart (same port) and freeze it without touching the shared Redis. Without a redis-server
 * binary the test is skipped with a message, except under CI (env {@code CI} set), where it fails.
 */
public final class PrivateRedis implements AutoCloseable {
    private final Path binary;
    private final int port;
    private final Path log;
    private Process process;

    private PrivateRedis(Path binary, int port) throws IOException {
        this.binary = binary;
        this.port = port;
        this.log = Files.createTempFile("private-redis-" + port + "-", ".log");
    }

    /** Starts one, or skips the calling test (fails it under CI) when redis-server is not installed. */
    public static PrivateRedis start() {
        Path binary = findBinary();
        if (binary == null) {
            String message = "redis-server is not on the PATH: the Redis quota store tests need it (apt-get install redis-server)";
            if (System.getenv("CI") != null) {
                fail(message);
            }
            Assumptions.abort(message + "; skipped");
        }
        try {
            PrivateRedis redis = new PrivateRedis(binary, FreePorts.next());
            redis.restart();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** Starts the server again on the same port (a Redis restart: empty, no scripts) unless it runs. */
    public void restart() {
        if (running()) {
            return;
        }
        try {
            process = new ProcessBuilder(binary.toString(), "--port", String.valueOf(port), "--save", "",
                    "--appendonly", "no", "--bind", "127.0.0.1")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!"+PONG".equals(tryCommand("PING"))) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    fail("redis-server did not answer PING on port " + port + ": " + Files.readString(log));
                }
                Thread.sleep(20);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** FLUSHALL and SCRIPT FLUSH: everything a wiped Redis loses (FLUSHALL alone keeps the script cache). */
    public void flushAll() {
        expect("+OK", "FLUSHALL");
        expect("+OK", "SCRIPT", "FLUSH");
    }

    /** Only the script cache: the next EVALSHA answers NOSCRIPT. */
    public void flushScripts() {
        expect("+OK", "SCRIPT", "FLUSH");
    }

    /** SIGSTOP: the server keeps its connections and answers nothing (a hung Redis) until {@link #resume()}. */
    public void freeze() {
        signal("-STOP");
    }

    public void resume() {
        signal("-CONT");
    }

    @Override
    public void close() {
        stop();
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temp file
        }
    }

    private void signal(String signal) {
        try {
            int exit = new ProcessBuilder("kill", signal, String.valueOf(process.pid())).start().waitFor();
            if (exit != 0) {
                fail("kill " + signal + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void expect(String reply, String... command) {
        String answer = tryCommand(command);
        if (!reply.equals(answer)) {
            fail(String.join(" ", command) + " answered " + answer);
        }
    }

    /** One RESP command on a fresh socket; its first reply line, or null when the server does not answer. */
    private String tryCommand(String... command) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(2000);
            StringBuilder request = new StringBuilder("*" + command.length + "\r\n");
            for (String part : command) {
                request.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            return null;
        }
    }

    private static Path findBinary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
