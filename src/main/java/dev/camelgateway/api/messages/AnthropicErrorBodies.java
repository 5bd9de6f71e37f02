package dev.camelgateway.api.messages;

import dev.camelgateway.api.ErrorEnvelope;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.RequestContext;
import org.springframework.stereotype.Component;

/**
 * The gateway's own errors in Anthropic's envelope ({@link AnthropicErrors}) for the routes of /v1/messages*, the
 * message masked as {@link ErrorEnvelope} masks every field (an upstream's text may quote a provider key).
 */
@Component
public class AnthropicErrorBodies {
    private final ErrorEnvelope envelope;

    public AnthropicErrorBodies(ErrorEnvelope envelope) {
        this.envelope = envelope;
    }

    public String of(GatewayException error, RequestContext context) {
        return AnthropicErrors.toJson(error.status(), envelope.redact(error.error().message()),
                context == null ? null : context.requestId());
    }
}
