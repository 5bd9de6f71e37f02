package dev.camelgateway.usage;

import dev.camelgateway.api.ErrorResponder;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.RequestContext;
import dev.camelgateway.cost.Price;
import dev.camelgateway.cost.PriceTable;
import dev.camelgateway.keys.GatewayKey;
import dev.camelgateway.provider.Attempt;
import dev.camelgateway.stream.ClientStream;
import dev.camelgateway.resilience.FailureClassifier;
import dev.camelgateway.resilience.FailureKind;
import dev.camelgateway.secrets.SecretRedactor;
import dev.camelgateway.api.OpenAiError;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Closes the books on one upstream attempt: its {@link AttemptRecord} (status, tokens, timings) goes in the exchange
 * property {@value #RECORD} for the usage route. Counts the provider reported win; what it did not report is counted
 * by the {@link UsageEstimator} and the row is marked estimated. Each attempt is recorded once, with its caller (key,
 * team, client API) and its cost from the {@link PriceTable} (estimated counts priced as reported ones).
 */
@Component("attemptTally")
public class AttemptTally {
    private static final Logger LOG = LoggerFactory.getLogger(AttemptTally.class);
    public static final String RECORD = "attemptRecord";
    private final ErrorResponder errors;
    /** {@code usage_ledger.error_code} is VARCHAR(64). */
    static final int MAX_ERROR_CODE = 64;
    private final SecretRedactor redactor;
    private final PriceTable prices;

    public AttemptTally(ErrorResponder errors, SecretRedactor redactor, PriceTable prices) {
        this.errors = errors;
        this.redactor = redactor;
        this.prices = prices;
    }

    /** The attempt answered in full. */
    public void completed(Exchange exchange) {
        RequestContext context = RequestContext.of(exchange);
        Attempt attempt = context.attempt();
        exchange.setProperty(RECORD, attempt.takeRecord()
                ? toRecord(context, attempt, AttemptStatus.COMPLETE, attempt.reportedUsage(), 200, null) : null);
    }

    /** The attempt failed (before a retry, or for good): FAILED, PARTIAL once output flowed, or CLIENT_ABORTED. */
    public void failed(Exchange exchange) {
        RequestContext context = RequestContext.of(exchange);
        Attempt attempt = context.attempt();
        if (attempt == null || !attempt.takeRecord()) {
            exchange.setProperty(RECORD, null); // nothing was sent upstream (e.g. an open breaker): no attempt to record
            return;
        }
        attempt.stopWatch();
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        FailureKind kind = FailureClassifier.classify(failure, context.attemptCommitted());
        ClientStream stream = attempt.stream();
        Usage soFar = stream == null ? null : stream.usageSoFar();
        Usage reported = soFar != null ? soFar : attempt.reportedUsage();
        AttemptStatus status = kind == FailureKind.CLIENT_GONE ? AttemptStatus.CLIENT_ABORTED
                : context.attemptCommitted() || !attempt.outputText().isEmpty() ? AttemptStatus.PARTIAL : AttemptStatus.FAILED;
        GatewayException mapped = kind == FailureKind.CLIENT_GONE ? null : mapped(failure, context);
        exchange.setProperty(RECORD, toRecord(context, attempt, status, reported, mapped == null ? null : mapped.status(),
                mapped == null ? "client_aborted" : errorCode(mapped.error().code())));
    }

    /** The failure as the client is told it; should its mapping itself fail, the row is still written (as 502). */
    private GatewayException mapped(Throwable failure, RequestContext context) {
        try {
            return errors.toGatewayException(failure, context);
        } catch (RuntimeException e) {
            LOG.error("request {}: mapping an upstream failure failed; its row says upstream_error", context.logName(), e);
            return new GatewayException(502, new OpenAiError("The upstream failed.", OpenAiError.SERVER_ERROR, null,
                    "upstream_error"));
        }
    }

    /**
     * An upstream's code, as the row keeps it: masked (it may echo the key) and cut to its column, since a value the
     * database refuses would stop the ledger writer on that row.
     */
    private String errorCode(String code) {
        String masked = redactor.redact(code);
        return masked == null || masked.length() <= MAX_ERROR_CODE ? masked : masked.substring(0, MAX_ERROR_CODE);
    }

    private AttemptRecord toRecord(RequestContext context, Attempt attempt, AttemptStatus status, Usage reported,
                                   Integer httpStatus, String errorCode) {
        long now = System.nanoTime();
        long duration = now - attempt.startNanos();
        context.addUpstreamNanos(duration);
        boolean producedNothing = status == AttemptStatus.FAILED;
        Long prompt = reported != null ? reported.promptTokens() : null;
        Long completion = reported != null ? reported.completionTokens() : null;
        boolean estimated = prompt == null || completion == null;
        if (prompt == null && !producedNothing) {
            // a FAILED attempt's prompt stays unknown (NULL): whether the provider read (and bills) it, nobody knows
            prompt = context.request().promptTokens();
        }
        if (completion == null) {
            completion = UsageEstimator.completionTokens(attempt.outputText());
        }
        Usage usage = new Usage(prompt, completion, prompt == null ? null : prompt + completion,
                reported == null ? null : reported.cachedTokens(), reported == null ? null : reported.reasoningTokens());
        Long ttft = null;
        if (attempt.firstByteNanos() > 0) {
            ttft = (attempt.firstByteNanos() - attempt.startNanos()) / 1_000_000;
        } else if (status == AttemptStatus.COMPLETE) {
            ttft = duration / 1_000_000; // a whole answer: its first token came with the rest
        }
        GatewayKey key = context.key();
        return new AttemptRecord(context.requestId(), attempt.number(), context.clientRequestId(),
                attempt.startedAt(), Instant.now(), context.request().model(), attempt.target().providerId(),
                attempt.target().upstreamModel(), context.request().stream(), status, usage, estimated, ttft,
                duration / 1_000_000, httpStatus, errorCode, attempt.upstreamHeaders().requestId(),
                context.clientApi() == null ? null : context.clientApi().name(), key == null ? null : key.id(),
                key == null ? null : key.team(), cost(attempt, usage), context.clientSessionId(),
                attempt.malformedEvents());
    }

    private BigDecimal cost(Attempt attempt, Usage usage) {
        Price price = prices.priceOf(attempt.target().providerId(), attempt.target().upstreamModel());
        return price == null ? null : price.toCostUsd(usage.promptTokens(), usage.cachedTokens(), usage.completionTokens());
    }
}
