package dev.camelgateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the test gateway's keys come from: the environment, and secret files written before its context starts. */
public final class TestSecrets {
    private static final Path DIRECTORY = Path.of("target", "test-secrets").toAbsolutePath();

    private TestSecrets() {
    }

    public static String environment(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the tests with Maven, whose surefire configuration "
                    + "(pom.xml) sets it, or set it as there");
        }
        return value;
    }

    /** A secret file, as a mounted secret would be, under target/test-secrets. */
    public static Path write(String name, String content) {
        try {
            Files.createDirectories(DIRECTORY);
            Path file = DIRECTORY.resolve(name);
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
