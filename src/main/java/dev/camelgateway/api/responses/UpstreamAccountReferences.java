package dev.camelgateway.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.GatewayException;

/**
 * Refuses what names an object kept by the upstream's account rather than carrying it: item references, reasoning
 * items with only an id (with {@code encrypted_content} they carry themselves, as Codex sends them), {@code file_id}
 * parts, file search's vector stores, code interpreter's containers and files, stored prompts. Every gateway key
 * shares that account, so passing them on would let one key use another's objects (as {@code conversation}, refused
 * too).
 */
final class UpstreamAccountReferences {
    private UpstreamAccountReferences() {
    }

    static void refuse(ObjectNode body) {
        JsonNode input = body.get("input");
        for (int i = 0; input != null && input.isArray() && i < input.size(); i++) {
            item(input.get(i), "input[" + i + "]");
        }
        JsonNode tools = body.get("tools");
        for (int i = 0; tools != null && tools.isArray() && i < tools.size(); i++) {
            tool(tools.get(i), "tools[" + i + "]");
        }
        JsonNode prompt = body.get("prompt");
        if (prompt != null && !prompt.isNull()) {
            throw refused("prompt", "a prompt stored at the upstream", "the instructions themselves in 'instructions'");
        }
    }

    private static void item(JsonNode item, String param) {
        String type = ResponsesItems.typeOf(item);
        if ("item_reference".equals(type)) {
            throw refused(param, "an item_reference", "the item itself");
        }
        if ("reasoning".equals(type) && !item.path("encrypted_content").isTextual()) {
            throw refused(param, "a reasoning item without encrypted_content (its id refers to one stored at the upstream)",
                    "it with encrypted_content (include 'reasoning.encrypted_content'), or leave it out");
        }
        parts(item.get("content"), param + ".content");
        parts(item.get("output"), param + ".output");
    }

    private static void parts(JsonNode parts, String param) {
        for (int j = 0; parts != null && parts.isArray() && j < parts.size(); j++) {
            if (parts.get(j).hasNonNull("file_id")) {
                throw refused(param + "[" + j + "].file_id", "a file id (files are stored at the upstream)",
                        "the file itself in 'file_data' or 'image_url'");
            }
        }
    }

    private static void tool(JsonNode tool, String param) {
        if (tool.hasNonNull("vector_store_ids")) {
            throw refused(param + ".vector_store_ids", "vector store ids (vector stores are kept at the upstream)",
                    "the content you need in 'input'");
        }
        JsonNode container = tool.get("container");
        if (container != null && container.isTextual()) {
            throw refused(param + ".container", "a container id (containers are kept at the upstream)",
                    "{\"type\": \"auto\"}");
        }
        if (container != null && container.hasNonNull("file_ids")) {
            throw refused(param + ".container.file_ids", "file ids (files are stored at the upstream)",
                    "a container without files");
        }
    }

    private static GatewayException refused(String param, String what, String instead) {
        return GatewayException.badRequest("Invalid '" + param + "': the gateway does not pass on " + what + ", since "
                + "every gateway key shares the upstream's account; send " + instead + " instead.", param,
                "unsupported_parameter");
    }
}
