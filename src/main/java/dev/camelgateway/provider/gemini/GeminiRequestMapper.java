package dev.camelgateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Bounded;
import dev.camelgateway.api.ChatRequest;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.Json;
import dev.camelgateway.provider.ReasoningBudgets;
import dev.camelgateway.provider.UnsupportedParameters;
import dev.camelgateway.provider.UpstreamRequest;
import dev.camelgateway.routing.Target;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * OpenAI → Gemini {@code generateContent} (wire-formats §3.2, https://ai.google.dev/api/generate-content). The model
 * goes in the URL path, the key in {@code x-goog-api-key} (never in the URL, which ends up in logs).
 */
public final class GeminiRequestMapper {
    /** Request field → {@code generationConfig} field, for the 1:1 renames. */
    private static final Map<String, String> GENERATION_CONFIG = Map.of("temperature", "temperature", "top_p", "topP",
            "n", "candidateCount", "seed", "seed", "presence_penalty", "presencePenalty",
            "frequency_penalty", "frequencyPenalty");
    private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9._-]+");
    /**
     * Read by the gateway itself, or mapped. {@code user} (an end-user id for abuse monitoring: Gemini has no field for
     * it, and it changes nothing the model answers) is left out, as Claude Code's {@code metadata.user_id} becomes it.
     */
    private static final Set<String> MAPPED = Set.of("model", "messages", "max_tokens", "max_completion_tokens", "stop",
            "response_format", "tools", "tool_choice", "parallel_tool_calls", "stream", "stream_options", "user",
            "reasoning_effort");

    private GeminiRequestMapper() {
    }

    public static UpstreamRequest toUpstreamRequest(ChatRequest request, Target target, UnsupportedParameters policy) {
        String method = request.stream() ? ":streamGenerateContent?alt=sse" : ":generateContent";
        return new UpstreamRequest(modelsUrl(target) + method, headers(target), Json.bytes(toGeminiRequest(request, policy)));
    }

    /**
     * The {@code generateContent} body alone: the Gemini API and Vertex AI take the same one (every content with its
     * {@code role}, which Vertex requires), each with its own URL and credential.
     */
    public static ObjectNode toGeminiRequest(ChatRequest request, UnsupportedParameters policy) {
        ObjectNode in = request.body();
        ObjectNode out = Json.object();
        ObjectNode system = GeminiContents.toSystemInstruction((ArrayNode) in.get("messages"));
        if (system != null) {
            out.set("systemInstruction", system);
        }
        out.set("contents", GeminiContents.toContents((ArrayNode) in.get("messages"), policy));
        ObjectNode config = toGenerationConfig(in, policy);
        if (!config.isEmpty()) {
            out.set("generationConfig", config);
        }
        GeminiTools.apply(in, out, policy);
        return out;
    }

    /**
     * A model name goes into the URL path: only the characters of Gemini's model ids, so nothing can change which URL
     * that is ({@code :} starts the method, {@code ;}, {@code &}, {@code @}, {@code %} and non-ASCII mean something to
     * some URL parser on the way), and no {@code ..}.
     */
    public static void checkModel(String model) {
        if (!MODEL_ID.matcher(model).matches() || model.contains("..")) {
            throw GatewayException.badRequest("Invalid model '" + Bounded.of(model) + "': a Gemini "
                    + "model name may contain only letters, digits, '.', '_' and '-', and not '..'.", "model", "invalid_value");
        }
    }

    private static ObjectNode toGenerationConfig(ObjectNode in, UnsupportedParameters policy) {
        ObjectNode config = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNull() || MAPPED.contains(field.getKey())) {
                continue;
            }
            String name = GENERATION_CONFIG.get(field.getKey());
            if (name == null) {
                policy.reject(field.getKey());
            } else {
                config.set(name, field.getValue());
            }
        }
        JsonNode max = in.hasNonNull("max_completion_tokens") ? in.get("max_completion_tokens") : in.get("max_tokens");
        if (max != null && !max.isNull()) {
            config.set("maxOutputTokens", max);
        }
        if (in.hasNonNull("stop")) {
            JsonNode stop = in.get("stop");
            config.set("stopSequences", stop.isArray() ? stop : Json.MAPPER.createArrayNode().add(stop.asText()));
        }
        String format = in.path("response_format").path("type").asText("text");
        if ("json_object".equals(format) || "json_schema".equals(format)) {
            config.put("responseMimeType", "application/json");
        }
        if ("json_schema".equals(format)) {
            config.set("responseSchema", GeminiSchemas.toGeminiSchema(in.path("response_format").path("json_schema").get("schema")));
        }
        Integer budget = ReasoningBudgets.budget(in);
        if (budget != null) { // includeThoughts: the thought summaries come back, as reasoning_content
            config.putObject("thinkingConfig").put("thinkingBudget", budget).put("includeThoughts", true);
        }
        return config;
    }

    /** {@code {base-url}/v1beta/models/{model}}: the model checked by {@link #checkModel} when it was resolved. */
    static String modelsUrl(Target target) {
        return target.provider().endpoint("/v1beta/models/" + target.upstreamModel());
    }

    static Map<String, String> headers(Target target) {
        String key = target.provider().getApiKey();
        return key.isBlank() ? Map.of() : Map.of("x-goog-api-key", key);
    }
}
