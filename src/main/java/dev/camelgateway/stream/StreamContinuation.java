package dev.camelgateway.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.ChatRequest;
import dev.camelgateway.api.ClientApi;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.RequestContext;
import dev.camelgateway.provider.ProviderAdapters;
import dev.camelgateway.provider.StreamMapper;
import dev.camelgateway.resilience.FailureAction;
import dev.camelgateway.resilience.FailureClassifier;
import dev.camelgateway.resilience.FailureKind;
import dev.camelgateway.routing.Target;
import dev.camelgateway.usage.UsageEstimator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A stream of an alias with {@code on-stream-failure: continue}: what its client was sent, and, once it broke after
 * text reached the client, how it is continued. The deployment's {@code on-failure} table for what broke it picks the
 * same deployment (retry) or the next (fallback); that attempt is asked with the sent text as the assistant's start
 * where the deployment prefills ({@link Mode#PREFILL}), else with the original request, its answer streamed only past
 * an exact match of the sent text ({@link Mode#REGENERATE}). Either way its chunks go through {@link SplicedChunks} to
 * the client API's encoder of the first attempt, so the client reads one stream. A stream that sent a tool call, a
 * refusal, log probabilities or JSON-mode output is not continued. Whatever a continuation attempt fails with before
 * its first byte (a refused prefill, a diverging regeneration), the client is finally told the failure that broke the
 * stream.
 */
public final class StreamContinuation {
    private static final Logger LOG = LoggerFactory.getLogger(StreamContinuation.class);

    /** How a continuation attempt is asked. */
    public enum Mode { PREFILL, REGENERATE }

    private final ProviderAdapters adapters;
    private final StreamTranscript transcript = new StreamTranscript();
    private final Set<String> refusedPrefill = new HashSet<>();
    private TranslatedStream lastStream;
    private GatewayException breakFailure;
    private boolean broken;
    private boolean continuing;
    private String notContinuable;
    private int continuations;
    private boolean diverged;
    private Mode mode;

    /** @param adapters whether a target prefills ({@link ProviderAdapters#prefills}), and how its API marks a prefill */
    public StreamContinuation(ProviderAdapters adapters) {
        this.adapters = adapters;
    }

    /** One attempt's stream: before a break, watched by the transcript; after one, spliced onto what the client has. */
    public synchronized ClientStream newStream(StreamMapper mapper, Supplier<ClientApi.StreamEncoder> encoder) {
        TranslatedStream stream;
        if (continuing && lastStream != null) {
            stream = new TranslatedStream(mapper, lastStream.encoder(),
                    new SplicedChunks(transcript, transcript.text(), mode == Mode.PREFILL));
        } else {
            stream = new TranslatedStream(mapper, encoder.get(), chunks -> {
                chunks.forEach(transcript::observe);
                return chunks;
            });
        }
        lastStream = stream;
        return stream;
    }

    /**
     * The attempt that was streaming to the client failed: decides whether the stream is continued ({@link
     * #continuing()}). Its failure is kept as the one the client is told should no continuation complete.
     */
    public synchronized void onBreak(RequestContext context, Throwable failure, GatewayException mapped) {
        broken = true;
        breakFailure = mapped;
        FailureKind kind = FailureClassifier.classify(failure, false, mapped);
        String why = whyNot(context, kind);
        continuing = why == null;
        if (continuations == 0) {
            notContinuable = why; // a stream already continued once that cannot be again is a failed continuation
        }
        if (continuing) {
            LOG.info("request {}: the stream from {} broke after {} characters ({}); continuing it", context.logName(),
                    context.target().providerId(), transcript.text().length(), kind);
        } else {
            LOG.debug("request {}: the stream broke ({}) and is not continued: {}", context.logName(), kind, why);
        }
    }

    private String whyNot(RequestContext context, FailureKind kind) {
        if (lastStream == null || context.attempt() == null || context.attempt().stream() != lastStream) {
            return "the deployment's passthrough stream"; // its events are the client API's own: nothing to splice
        }
        if (kind == FailureKind.CLIENT_GONE || context.target().provider().getOnFailure().action(kind) == FailureAction.FINAL) {
            return kind + " is final";
        }
        if (transcript.notContinuable() != null) {
            return "the client was sent " + transcript.notContinuable();
        }
        JsonNode body = context.request().canonical().body();
        if (body.path("n").asInt(1) > 1) {
            return "more than one choice";
        }
        String format = body.path("response_format").path("type").asText("text");
        if (!"text".equals(format)) {
            return "JSON-mode output (" + format + ")";
        }
        return body.path("logprobs").asBoolean(false) ? "log probabilities" : null;
    }

    /** True from a continued break on: every later attempt of the request is a continuation. */
    public synchronized boolean continuing() {
        return continuing;
    }

    /**
     * The request a continuation attempt on {@code target} sends: with the text sent as a final assistant message
     * (trailing whitespace left off, which Anthropic refuses; the output budget less what was already produced), or
     * the original.
     */
    public synchronized ChatRequest request(ChatRequest original, Target target) {
        String prefix = transcript.text().stripTrailing();
        JsonNode messages = original.body().path("messages");
        boolean clientPrefilled = "assistant".equals(messages.path(messages.size() - 1).path("role").asText());
        mode = !prefix.isEmpty() && !clientPrefilled && adapters.prefills(target) && !refusedPrefill.contains(target.toString())
                ? Mode.PREFILL : Mode.REGENERATE; // a client's own prefill is regenerated from: one final assistant message
        continuations++;
        LOG.debug("continuation {} on {}: {}", continuations, target, mode);
        if (mode == Mode.REGENERATE) {
            return original;
        }
        ObjectNode body = original.body().deepCopy();
        ObjectNode assistant = ((ArrayNode) body.get("messages")).addObject().put("role", "assistant").put("content", prefix);
        adapters.forType(target.type()).markPrefill(assistant);
        long produced = UsageEstimator.completionTokens(prefix);
        for (String field : List.of("max_tokens", "max_completion_tokens")) {
            if (body.path(field).isIntegralNumber()) {
                body.put(field, Math.max(1, body.get(field).asLong() - produced));
            }
        }
        return new ChatRequest(body, original.model(), original.stream(), original.includeUsage());
    }

    /**
     * A continuation attempt failed before its first byte with {@code kind}: a 400 to a prefill is the deployment
     * refusing it, which then regenerates instead — true when the same deployment should be asked again at once.
     */
    public synchronized boolean noteRefusedPrefill(FailureKind kind, Target target) {
        if (mode != Mode.PREFILL || kind != FailureKind.CLIENT_ERROR) {
            return false;
        }
        refusedPrefill.add(target.toString());
        return true;
    }

    /** A continuation attempt failed before its first byte: noted for the metric (the client is told the break's). */
    public synchronized void noteFailedContinuation(GatewayException mapped) {
        diverged |= mapped != null && SplicedChunks.DIVERGED.equals(mapped.error().code());
    }

    /** The failure that broke the stream: the error event when no continuation completes it. */
    public synchronized GatewayException breakFailure() {
        return breakFailure;
    }

    /** The stream the client's frames came from last (its encoder writes the error event). */
    public synchronized ClientStream lastStream() {
        return lastStream;
    }

    /**
     * For {@code gateway.stream.continuations}: completed, diverged, failed (continued, but no attempt completed it), or
     * not_continuable; null when the stream never broke.
     */
    public synchronized String outcome(boolean succeeded) {
        if (!broken) {
            return null;
        }
        if (notContinuable != null) {
            return "not_continuable";
        }
        return succeeded ? "completed" : diverged ? "diverged" : "failed";
    }
}
