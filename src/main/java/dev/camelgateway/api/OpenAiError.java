package dev.camelgateway.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code error} object of OpenAI's error envelope: {@code {"error":{"message","type","param","code"}}}. */
public record OpenAiError(String message, String type, String param, String code) {
    public static final String INVALID_REQUEST = "invalid_request_error";
    public static final String SERVER_ERROR = "server_error";

    public ObjectNode toEnvelope() {
        ObjectNode error = Json.object();
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        ObjectNode envelope = Json.object();
        envelope.set("error", error);
        return envelope;
    }
}
