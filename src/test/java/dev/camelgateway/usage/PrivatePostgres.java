package dev.camelgateway.usage;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the test's own (initdb and pg_ctl of the installed server, in a temporary directory, on a
 * free loopback port), so that a test can stop and start it without touching the shared server. Run as root, the
 * server runs as the {@code postgres} user (PostgreSQL refuses root).
 */
final class PrivatePostgres implements AutoCloseable {
    static final Path BIN = Path.of(System.getenv().getOrDefault("POSTGRES_BIN", "/usr/lib/postgresql/15/bin"));
    private final Path directory;
    private final int port;

    private PrivatePostgres(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    static boolean available() {
        return Files.isExecutable(BIN.resolve("initdb")) && Files.isExecutable(BIN.resolve("pg_ctl"));
    }

    static PrivatePostgres create() throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("ledger-postgres");
        if (root()) {
            run(List.of("chown", "postgres", directory.toString()));
        }
        PrivatePostgres postgres = new PrivatePostgres(directory, freePort());
        postgres.pg(List.of("initdb", "-D", postgres.data(), "-A", "trust", "-U", "postgres", "--no-sync"));
        postgres.start();
        return postgres;
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    void start() throws IOException, InterruptedException {
        pg(List.of("pg_ctl", "-D", data(), "-l", directory.resolve("server.log").toString(), "-w", "-o",
                "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
    }

    /** Fast shutdown: every client connection is terminated, new ones are refused until {@link #start}. */
    void stop() throws IOException, InterruptedException {
        pg(List.of("pg_ctl", "-D", data(), "-m", "fast", "-w", "stop"));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            pg(List.of("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop"));
        } catch (IllegalStateException e) {
            // already stopped
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private String data() {
        return directory.resolve("data").toString();
    }

    private void pg(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (root()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.add(BIN.resolve(command.get(0)).toString());
        full.addAll(command.subList(1, command.size()));
        run(full);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
