package dev.camelgateway.usage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One attempt record as one line of JSON, for the spool and the dead-letter file. Unknown fields are ignored and
 * missing ones stay null, so a spool written before a column was added (or after one, by a newer gateway) still reads
 * (a line without {@code api} is a Chat Completions attempt, the record's default). Costs are written as plain decimals.
 */
final class LedgerRowJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private LedgerRowJson() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value); // no line breaks: Jackson escapes them inside strings
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AttemptRecord read(String line) throws IOException {
        return MAPPER.readValue(line, AttemptRecord.class);
    }
}
