package dev.camelgateway.usage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The ledger's durable local spool: rows the database could not take yet (unreachable, or the in-memory queue was
 * full), as append-only JSON lines in segment files under one directory, replayed oldest first. Bounded by disk
 * ({@code maxBytes}), not heap: a replay holds one batch. How far the oldest segment was replayed is kept in
 * {@value #POSITION} after each batch, so a crash replays at most one batch twice, which the writer skips as
 * duplicates. A segment is read only once closed, so a reader never meets a half-written line (except the torn last
 * line of a crash, which is skipped). Thread-safe: taps append on overflow while the writer thread appends and replays.
 */
final class LedgerSpool implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerSpool.class);
    private static final String PREFIX = "spool-";
    private static final String SUFFIX = ".jsonl";
    static final String POSITION = "replay.pos";
    private static final String LOCK = "lock";

    private final Path directory;
    private final long maxBytes;
    private final long segmentBytes;
    private long nextSegment;
    private long totalBytes;
    private long rows;
    private boolean dirty;
    private final FileChannel lockFile;

    private Path active;
    private FileOutputStream activeFile;
    private BufferedWriter activeOut;
    private long activeBytes;

    private Path replaying;
    private long replayingBytes;
    private BufferedReader reader;
    private long replayedLines;
    private final List<AttemptRecord> pending = new ArrayList<>();
    /** Lines consumed (unreadable ones included) up to and including each pending row. */
    private final List<Integer> pendingEnds = new ArrayList<>();

    LedgerSpool(Path directory, long maxBytes) {
        this.directory = directory;
        this.maxBytes = maxBytes;
        this.segmentBytes = Math.max(64 * 1024, Math.min(16L * 1024 * 1024, maxBytes / 8));
        try {
            Files.createDirectories(directory);
            lockFile = lock(directory);
            String positionSegment = null;
            long positionLines = 0;
            Path position = directory.resolve(POSITION);
            if (Files.exists(position)) {
                String[] saved = Files.readString(position).trim().split("\\s+");
                positionSegment = saved[0];
                positionLines = Long.parseLong(saved[1]);
            }
            for (Path segment : segments()) {
                totalBytes += Files.size(segment);
                long lines = lines(segment);
                rows += lines;
                if (segment.getFileName().toString().equals(positionSegment)) {
                    rows -= Math.min(lines, positionLines);
                }
                nextSegment = Math.max(nextSegment, number(segment) + 1);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("usage ledger: cannot open the spool directory " + directory + ": " + e.getMessage(), e);
        }
        if (rows > 0) {
            LOG.warn("usage ledger: {} rows spooled by an earlier run are waiting in {}; they are replayed once the database takes rows",
                    rows, directory);
        }
    }

    /** Lines in a segment, counted in bytes (a torn multi-byte character of a crash must not stop the start). */
    private static long lines(Path segment) throws IOException {
        long lines = 0;
        boolean partial = false;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(segment)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    partial = buffer[i] != '\n';
                    lines += partial ? 0 : 1;
                }
            }
        }
        return partial ? lines + 1 : lines;
    }

    /** One gateway per spool directory: two would write the same segment files. */
    private static FileChannel lock(Path directory) throws IOException {
        FileChannel channel = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (channel.tryLock() != null) {
                return channel;
            }
        } catch (OverlappingFileLockException e) {
            // held by this JVM: another gateway in this process
        }
        channel.close();
        throw new IllegalStateException("another gateway uses it; give each gateway its own gateway.ledger.spool.directory");
    }

    /**
     * Appends rows until the disk bound; returns how many were spooled (the rest were not). Written to the OS at once,
     * and counted only then: rows whose write failed (a full disk) are not spooled, and the writer counts them lost.
     */
    synchronized int append(List<AttemptRecord> records) {
        StringBuilder lines = new StringBuilder();
        long bytes = 0;
        int fit = 0;
        for (AttemptRecord record : records) {
            String line = LedgerRowJson.write(record) + "\n";
            long size = line.getBytes(StandardCharsets.UTF_8).length;
            if (totalBytes + bytes + size > maxBytes) {
                break;
            }
            lines.append(line);
            bytes += size;
            fit++;
        }
        if (fit == 0) {
            return 0;
        }
        try {
            if (activeOut == null || activeBytes >= segmentBytes) {
                roll();
            }
            activeOut.write(lines.toString());
            activeOut.flush();
        } catch (IOException e) {
            LOG.error("usage ledger: cannot write the spool {}: {}", directory, e.getMessage());
            abandonActive(); // a part may have reached the file: a torn line, which the replay skips
            return 0;
        }
        activeBytes += bytes;
        totalBytes += bytes;
        rows += fit;
        dirty = true;
        return fit;
    }

    /**
     * Forces what was appended to the disk (the writer calls it about once a second, and at shutdown). The force runs
     * outside the spool's lock: a tap appending on a client's thread never waits for the disk.
     */
    void sync() {
        FileChannel channel;
        synchronized (this) {
            if (!dirty || activeFile == null) {
                dirty = false;
                return;
            }
            try {
                activeOut.flush();
            } catch (IOException e) {
                LOG.error("usage ledger: cannot sync the spool {}: {}", directory, e.getMessage());
                return;
            }
            channel = activeFile.getChannel();
            dirty = false;
        }
        try {
            channel.force(false);
        } catch (java.nio.channels.ClosedChannelException closed) {
            // the segment was rolled meanwhile: closing it forced it
        } catch (IOException e) {
            LOG.error("usage ledger: cannot sync the spool {}: {}", directory, e.getMessage());
        }
    }

    /**
     * The oldest rows not replayed yet, at most {@code max}; the same rows again until {@link #commit} takes them.
     * Empty when the spool is.
     */
    synchronized List<AttemptRecord> peek(int max) {
        try {
            while (pending.isEmpty()) {
                if (reader == null && !openOldest()) {
                    rows = 0; // no segment left: nothing is waiting, whatever a failed write left in the count
                    return List.of();
                }
                int consumed = 0;
                String line;
                while (pending.size() < max && (line = reader.readLine()) != null) {
                    consumed++;
                    try {
                        pending.add(LedgerRowJson.read(line));
                        pendingEnds.add(consumed);
                    } catch (IOException e) {
                        LOG.warn("usage ledger: skipped an unreadable line of the spool {} (a write cut by a crash?)", replaying);
                        rows--;
                    }
                }
                if (pending.isEmpty()) {
                    replayedLines += consumed;
                    finishSegment();
                }
            }
            return List.copyOf(pending);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code count} rows of the last {@link #peek} are in the database (or dead-lettered): never replay them. */
    synchronized void commit(int count) {
        if (count <= 0) {
            return;
        }
        int consumed = pendingEnds.get(count - 1);
        pending.subList(0, count).clear();
        pendingEnds.subList(0, count).clear();
        pendingEnds.replaceAll(end -> end - consumed);
        replayedLines += consumed;
        rows = Math.max(0, rows - count);
        if (rows == 0 && pending.isEmpty()) {
            closeReader(); // everything replayed: this segment's lines are all taken
            try {
                finishSegment();
            } catch (IOException e) {
                LOG.error("usage ledger: cannot delete the replayed spool segment {}: {}", replaying, e.getMessage());
            }
            return;
        }
        try {
            Path temporary = directory.resolve(POSITION + ".tmp");
            Files.writeString(temporary, replaying.getFileName() + " " + replayedLines);
            Files.move(temporary, directory.resolve(POSITION), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.error("usage ledger: cannot save the spool's replay position: {}", e.getMessage());
        }
    }

    synchronized long rows() {
        return rows;
    }

    synchronized long bytes() {
        return totalBytes;
    }

    @Override
    public synchronized void close() {
        sync();
        closeActive();
        closeReader();
        try {
            lockFile.close(); // releases the lock
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
    }

    private boolean openOldest() throws IOException {
        List<Path> segments = segments();
        if (segments.isEmpty()) {
            return false;
        }
        Path oldest = segments.get(0);
        if (oldest.equals(active)) {
            closeActive(); // appends go on in a new segment while this one is replayed
        }
        replaying = oldest;
        replayingBytes = Files.size(oldest);
        replayedLines = savedPosition(oldest);
        // lenient decoding: a torn multi-byte character (a crash mid-write) makes an unreadable line, which is skipped
        reader = new BufferedReader(new InputStreamReader(Files.newInputStream(oldest), StandardCharsets.UTF_8));
        for (long i = 0; i < replayedLines && reader.readLine() != null; i++) {
            // already replayed by an earlier run
        }
        return true;
    }

    private long savedPosition(Path segment) throws IOException {
        Path position = directory.resolve(POSITION);
        if (!Files.exists(position)) {
            return 0;
        }
        String[] saved = Files.readString(position).trim().split("\\s+");
        return saved[0].equals(segment.getFileName().toString()) ? Long.parseLong(saved[1]) : 0;
    }

    private void finishSegment() throws IOException {
        closeReader();
        Files.deleteIfExists(replaying);
        Files.deleteIfExists(directory.resolve(POSITION));
        totalBytes = Math.max(0, totalBytes - replayingBytes);
        replaying = null;
        replayedLines = 0;
    }

    private void roll() throws IOException {
        closeActive();
        active = directory.resolve(String.format("%s%020d%s", PREFIX, nextSegment++, SUFFIX));
        activeFile = new FileOutputStream(active.toFile(), true);
        activeOut = new BufferedWriter(new OutputStreamWriter(activeFile, StandardCharsets.UTF_8));
        activeBytes = Files.size(active);
    }

    /** Drops the segment being written after a failed write, without flushing what is left in its buffer. */
    private void abandonActive() {
        try {
            if (activeFile != null) {
                activeFile.close();
            }
        } catch (IOException ignored) {
            // nothing more can be saved of it
        }
        activeOut = null;
        activeFile = null;
        active = null;
    }

    private void closeActive() {
        if (activeOut != null) {
            try {
                activeOut.flush();
                activeFile.getChannel().force(false);
                activeOut.close();
            } catch (IOException e) {
                LOG.error("usage ledger: cannot close the spool segment {}: {}", active, e.getMessage());
            }
        }
        activeOut = null;
        activeFile = null;
        active = null;
    }

    private void closeReader() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                // read-only: nothing to lose
            }
        }
        reader = null;
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().startsWith(PREFIX) && p.getFileName().toString().endsWith(SUFFIX))
                    .sorted().toList();
        }
    }

    private static long number(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
    }
}
