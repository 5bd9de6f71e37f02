package dev.camelgateway.resilience;

import dev.camelgateway.api.ErrorResponder;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.RequestContext;
import dev.camelgateway.routing.Resilience;
import dev.camelgateway.stream.StreamContinuation;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The failure policy of the provider routes' attempt loop: whether a failed attempt is tried again on the same target,
 * and after how long. Retried only before anything reached the client, for the kinds the deployment's
 * {@code on-failure} table says {@code retry} (by default 429, 5xx, resets, in-band errors), up to
 * {@code retry.max-attempts}, and never once the client has gone. The wait is the provider's
 * {@code Retry-After} / {@code retry-after-ms} when it sent one, else exponential backoff with jitter; a wait longer
 * than {@code retry.max-delay} is not slept: the fallback is tried, or the client gets the 429 and its Retry-After.
 * A stream that broke after its first byte is retried only when its alias continues broken streams
 * ({@link StreamContinuation}), by the table's entry for what broke it.
 */
@Component("upstreamRetry")
public class UpstreamRetry {
    /** Exchange property of the provider route: the wait before the next attempt, in ms; absent when there is none. */
    public static final String RETRY_WAIT = "retryWait";
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamRetry.class);
    private final ErrorResponder errors;
    private final UpstreamFailures failures;

    public UpstreamRetry(ErrorResponder errors, UpstreamFailures failures) {
        this.errors = errors;
        this.failures = failures;
    }

    /**
     * After a failed attempt: a retry, with its wait in the exchange property {@value #RETRY_WAIT} (the provider route's
     * loop runs again while it is set, and its {@code delay} step waits that long); or no retry on this target, the
     * property removed and the failure handed to {@link UpstreamFailures}.
     */
    public void afterFailure(Exchange exchange) {
        RequestContext context = RequestContext.of(exchange);
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        StreamContinuation continuation = context.continuation();
        if (continuation != null && context.attemptCommitted() && FailureClassifier.classify(failure, true) != FailureKind.CLIENT_GONE) {
            continuation.onBreak(context, failure, errors.toGatewayException(failure, context)); // continued, or not
        }
        long delay = retryDelay(failure, context);
        if (delay >= 0) {
            LOG.debug("request {}: attempt {} on {} failed ({}), retrying in {} ms", context.logName(),
                    context.attemptsOnTarget(), context.target(), failure, delay);
            exchange.setProperty(RETRY_WAIT, delay);
        } else {
            exchange.removeProperty(RETRY_WAIT);
            failures.record(exchange);
        }
    }

    /** The wait before retrying, or −1 when the failure is not retried. */
    long retryDelay(Throwable failure, RequestContext context) {
        Resilience.Retry policy = context.target().provider().getRetry();
        if (context.attemptsOnTarget() >= policy.getMaxAttempts() || context.attemptsOnTarget() == 0) {
            return -1; // retries spent, or nothing was sent (an open breaker)
        }
        GatewayException mapped = errors.toGatewayException(failure, context);
        StreamContinuation continuation = context.continuation();
        boolean continuing = continuation != null && continuation.continuing();
        // a continued break is judged by what broke it, as if no byte had gone out
        FailureKind kind = FailureClassifier.classify(failure, context.attemptCommitted() && !continuing, mapped);
        if (continuing && !context.attemptCommitted() && continuation.noteRefusedPrefill(kind, context.target())) {
            return clientGone(context) || noTimeForAnother(context) ? -1 : 0; // asked again at once, to regenerate
        }
        if (context.target().provider().getOnFailure().action(kind) != FailureAction.RETRY || clientGone(context)) {
            return -1;
        }
        if (noTimeForAnother(context)) {
            return -1; // the request's deadline has (all but) passed: no attempt starts after it
        }
        long delay = retryAfterMillis(mapped);
        if (delay < 0) {
            delay = backoffMillis(policy, context.attemptsOnTarget());
        }
        if (delay > policy.getMaxDelay().toMillis() || delay >= context.remaining().toMillis()) {
            LOG.debug("request {}: {} asks to wait {} ms, more than retry.max-delay or the time left; not retrying", context.logName(),
                    context.target(), delay);
            return -1;
        }
        return delay;
    }

    /** Less than a second before the request's deadline: too little for another attempt to answer. */
    static boolean noTimeForAnother(RequestContext context) {
        return context.remaining().toMillis() < 1000;
    }

    /** The client left while its request waited: nothing more is attempted for it. */
    static boolean clientGone(RequestContext context) {
        return context.clientProbe() != null && context.clientProbe().clientGone();
    }

    /** Exponential backoff: base × multiplier^(attempt−1), spread by ±jitter, never more than max-delay. */
    static long backoffMillis(Resilience.Retry policy, int attemptsSoFar) {
        double wait = policy.getBaseDelay().toMillis() * Math.pow(policy.getMultiplier(), Math.max(0, attemptsSoFar - 1));
        double spread = 1 + policy.getJitter() * (ThreadLocalRandom.current().nextDouble() * 2 - 1);
        long cap = policy.getMaxDelay().toMillis();
        // capped after the spread: a wait above max-delay is taken as "do not retry" by the caller
        return Math.min(cap, Math.round(Math.min(wait, cap) * spread));
    }

    /** The provider's requested wait in ms (retry-after-ms, else Retry-After in seconds or as a date), or −1. */
    static long retryAfterMillis(GatewayException mapped) {
        String ms = mapped.headers().get("retry-after-ms");
        if (ms != null) {
            try {
                return Math.round(Double.parseDouble(ms.trim()));
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        String after = mapped.headers().get("Retry-After");
        if (after == null) {
            return -1;
        }
        try {
            return Math.round(Double.parseDouble(after.trim()) * 1000);
        } catch (NumberFormatException notSeconds) {
            try {
                return Math.max(0, ZonedDateTime.parse(after.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()
                        .toEpochMilli() - System.currentTimeMillis());
            } catch (RuntimeException notADate) {
                return -1;
            }
        }
    }
}
