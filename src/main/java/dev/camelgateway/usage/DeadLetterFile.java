package dev.camelgateway.usage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rows the database refused for their content, one JSON line each ({@code dead_lettered_at}, {@code reason},
 * {@code row}), for an operator to read, fix and insert by hand. Bounded: {@value #CURRENT} is rotated to
 * {@value #PREVIOUS} when it reaches half of {@code maxBytes}, and the older file is dropped.
 */
final class DeadLetterFile {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterFile.class);
    static final String CURRENT = "dead-letters.jsonl";
    static final String PREVIOUS = "dead-letters.1.jsonl";
    private static final int MAX_REASON = 1000;
    private final Path directory;
    private final long maxBytes;

    DeadLetterFile(Path directory, long maxBytes) {
        this.directory = directory;
        this.maxBytes = maxBytes;
    }

    synchronized void write(AttemptRecord record, Throwable reason) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("dead_lettered_at", Instant.now().toString());
        String message = String.valueOf(mostSpecific(reason).getMessage());
        line.put("reason", message.length() <= MAX_REASON ? message : message.substring(0, MAX_REASON));
        line.put("row", record);
        byte[] bytes = (LedgerRowJson.write(line) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(directory);
            Path current = directory.resolve(CURRENT);
            if (Files.exists(current) && Files.size(current) + bytes.length > maxBytes / 2) {
                Files.move(current, directory.resolve(PREVIOUS), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.write(current, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.DSYNC);
        } catch (IOException e) {
            LOG.error("usage ledger: cannot write the dead-letter file in {}: {}; the row was {}", directory, e.getMessage(),
                    LedgerRowJson.write(record));
        }
    }

    Path current() {
        return directory.resolve(CURRENT);
    }

    private static Throwable mostSpecific(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
