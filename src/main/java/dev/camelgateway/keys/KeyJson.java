package dev.camelgateway.keys;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.camelgateway.api.Json;

/** Keys, teams and limits as JSON, stored and in /admin: snake_case names (OpenAI's style), absent when null. */
final class KeyJson {
    static final ObjectMapper MAPPER = Json.MAPPER.copy()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private KeyJson() {
    }
}
