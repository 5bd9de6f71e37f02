package dev.camelgateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Recorded provider payloads under {@code src/test/resources/fixtures/<provider>/<case>/}. */
public final class Fixtures {
    private static final Path ROOT = Path.of("src/test/resources/fixtures");

    private Fixtures() {
    }

    public static String read(String provider, String caseName, String file) {
        try {
            return Files.readString(ROOT.resolve(provider).resolve(caseName).resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The case folders of a provider that contain the given file. */
    public static Stream<String> casesWith(String provider, String file) {
        if (!Files.isDirectory(ROOT.resolve(provider))) {
            return Stream.empty();
        }
        try (Stream<Path> dirs = Files.list(ROOT.resolve(provider))) {
            return dirs.filter(d -> Files.exists(d.resolve(file))).map(d -> d.getFileName().toString()).sorted()
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code data:} payloads of an SSE fixture, in order. */
    public static List<String> ssePayloads(String provider, String caseName, String file) {
        List<String> payloads = new ArrayList<>();
        for (String event : read(provider, caseName, file).replace("\r\n", "\n").split("\n\n")) {
            String trimmed = event.strip();
            if (trimmed.startsWith("data: ")) {
                payloads.add(trimmed.substring("data: ".length()));
            }
        }
        return payloads;
    }
}
