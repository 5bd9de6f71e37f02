package dev.camelgateway.resilience;

import dev.camelgateway.api.ErrorResponder;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.OpenAiError;
import dev.camelgateway.api.RequestContext;
import dev.camelgateway.stream.StreamContinuation;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The last step after an upstream attempt failed for good (retries spent, or not retryable). After the first byte it
 * writes the stream's error event; before it, the failure is kept on the request so that the route can try the next
 * fallback target, and it is answered only if no target succeeds. A provider refusing the gateway's key (401/403) is
 * logged at warn (the log converters keep the key out of the line, should the provider quote it), may fall back, and
 * is answered as 502 {@code upstream_auth_failed}.
 */
@Component("upstreamFailures")
public class UpstreamFailures {
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamFailures.class);
    private final ErrorResponder errors;

    public UpstreamFailures(ErrorResponder errors) {
        this.errors = errors;
    }

    public void record(Exchange exchange) {
        RequestContext context = RequestContext.of(exchange);
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        StreamContinuation continuation = context.continuation();
        boolean continuing = continuation != null && continuation.continuing();
        FailureKind kind = FailureClassifier.classify(failure, context.attemptCommitted() && !continuing);
        if (kind == FailureKind.CLIENT_GONE || (kind == FailureKind.MID_STREAM && !continuing)) {
            context.outcome(kind == FailureKind.CLIENT_GONE ? "client_aborted" : "interrupted");
            errors.respond(exchange);
            return;
        }
        GatewayException mapped = errors.toGatewayException(failure, context);
        kind = FailureClassifier.classify(failure, false, mapped);
        FailureAction action = context.target().provider().getOnFailure().action(kind);
        if (kind == FailureKind.CREDENTIAL_REFUSED
                && FailureClassifier.find(failure, org.apache.camel.http.base.HttpOperationFailedException.class) != null) {
            // the provider refused the gateway's own key: for the operator to fix, not the client (a cloud's token or
            // credentials that could not be had were logged, and said so, where that happened)
            LOG.warn("request {}: {} refused the gateway's credentials with {}; check its api-key. {}", context.logName(),
                    context.target().providerId(), mapped.status(), mapped.getMessage());
            mapped = credentialRefused(context.target().providerId());
        } else {
            LOG.debug("request {}: {} failed after {} attempt(s): {} ({})", context.logName(), context.target(),
                    context.attemptsOnTarget(), mapped.getMessage(), kind);
        }
        // a retry action whose retries are spent goes on to the fallback too; a client gone gets nothing more
        boolean over = action == FailureAction.FINAL || UpstreamRetry.clientGone(context) || UpstreamRetry.noTimeForAnother(context);
        if (continuing) {
            // a break, or a continuation that could not answer (a refused prefill, a diverging regeneration): the next
            // target continues, and the client is finally told what broke its stream, never this attempt's failure
            // (a deployment's refusal of the request is its own: the client's request was accepted by the first one)
            if (!context.attemptCommitted()) {
                continuation.noteFailedContinuation(mapped);
            }
            boolean refusedHere = kind == FailureKind.CLIENT_ERROR || kind == FailureKind.GATEWAY;
            boolean stop = UpstreamRetry.clientGone(context) || UpstreamRetry.noTimeForAnother(context)
                    || (action == FailureAction.FINAL && !refusedHere); // e.g. the content filter, the deadline
            context.failure(continuation.breakFailure(), stop ? FailureRoute.FINAL : FailureRoute.NEXT);
            exchange.getMessage().removeHeaders("*");
            exchange.getMessage().setBody(null);
            return;
        }
        context.failure(mapped, over ? FailureRoute.FINAL
                : kind == FailureKind.CONTEXT_LENGTH ? FailureRoute.LARGER_CONTEXT : FailureRoute.NEXT);
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setBody(null);
    }

    /**
     * What the client is told when a provider refused the gateway's own key: a 502 (the gateway, not the client, is
     * misconfigured), never the provider's "Incorrect API key" text about a key the client never sent.
     */
    public static GatewayException credentialRefused(String providerId) {
        return new GatewayException(502, new OpenAiError("The gateway's credential for provider " + providerId
                + " was refused.", OpenAiError.SERVER_ERROR, null, "upstream_auth_failed"));
    }
}
