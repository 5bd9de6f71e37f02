package dev.camelgateway.quota;

import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.RequestContext;
import dev.camelgateway.cost.Price;
import dev.camelgateway.cost.PriceTable;
import dev.camelgateway.keys.GatewayKey;
import dev.camelgateway.keys.KeyRegistry;
import dev.camelgateway.keys.Team;
import dev.camelgateway.routing.Target;
import dev.camelgateway.usage.AttemptRecord;
import dev.camelgateway.usage.AttemptTally;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The limits of every inbound API (steps of the deployments and count_tokens routes): a request is admitted against its key's and team's limits before any upstream
 * call, holding an estimate (prompt + the answer's allowance) until it ends; each attempt then settles what it really
 * used, once, before any retry; the end of the request gives the estimate back. A key without limits costs nothing here.
 */
@Component("quota")
public class QuotaGate {
    private final QuotaStore store;
    private final StoreHealth health;
    private final KeyRegistry keys;
    private final PriceTable prices;
    private final QuotaProperties properties;
    private final QuotaRefusals refusals;

    public QuotaGate(QuotaStore store, StoreHealth health, KeyRegistry keys, PriceTable prices, QuotaProperties properties,
                     QuotaRefusals refusals) {
        this.store = store;
        this.health = health;
        this.keys = keys;
        this.prices = prices;
        this.properties = properties;
        this.refusals = refusals;
    }

    /** Before the first upstream call: admitted (the reservation kept on the request), or a 429 / 503. */
    public void admit(Exchange exchange) {
        RequestContext context = RequestContext.of(exchange);
        List<QuotaStore.Scope> scopes = scopes(context.key());
        if (scopes.isEmpty()) {
            return;
        }
        Estimate estimate = estimate(context);
        QuotaStore.AdmissionRequest request = new QuotaStore.AdmissionRequest(context.requestId(), scopes,
                estimate.tokens(), estimate.costNanos());
        Admission admission;
        try {
            admission = health.admit(() -> store.admit(request));
        } catch (QuotaStoreUnavailable e) {
            if (e.getCause() != null) { // sent, and it may still have run: its reservation is given back (if it exists)
                health.releaseLater(() -> store.release(context.requestId(), scopes));
            }
            refusals.checkWhenStoreDown(scopes); // refuses (503) when the policy is closed for a limit these scopes have
            return; // else admitted without a reservation: nothing to settle
        }
        if (admission instanceof Admission.Refused refused) {
            throw refusals.refused(refused, scopes);
        }
        Reservation reservation = new Reservation(context.requestId(), scopes, ((Admission.Admitted) admission).status());
        context.reservation(reservation);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                health.release(() -> store.release(reservation.id(), reservation.scopes()));
            }
        });
    }

    /**
     * After an attempt's record is made (complete, partial or failed, before a retry): its real tokens and cost, once.
     * The attempt's row carries the same figures, so the counters and the ledger agree.
     */
    public void settle(Exchange exchange) {
        RequestContext context = RequestContext.of(exchange);
        Reservation reservation = context.reservation();
        AttemptRecord record = exchange.getProperty(AttemptTally.RECORD, AttemptRecord.class);
        if (reservation == null || record == null) {
            return;
        }
        // an upstream may report absurd counts: capped so that no sum can overflow (the row keeps what it reported)
        long tokens = Math.min(MAX_SETTLED, nonNull(record.usage().promptTokens()) + nonNull(record.usage().completionTokens()));
        BigDecimal cost = record.costUsd();
        long costNanos = cost == null ? 0 : cost.compareTo(MAX_SETTLED_USD) > 0 ? MAX_SETTLED : Price.toCostNanos(cost);
        QuotaStore.Settlement settlement = new QuotaStore.Settlement(record.requestId(), record.attempt(), reservation.id(),
                reservation.scopes(), tokens, costNanos, record.startedAt());
        // Before the row is offered to the ledger (a seed that read the row must not see its settle too). Tried even
        // while the store is down, never retried later: a retry after a restarted Redis re-seeded from the ledger would
        // count it twice. What is lost is bounded by the requests admitted before it went down (those admitted while
        // it is down hold no reservation and settle nothing).
        health.settle(() -> store.settle(settlement));
    }

    /** The key's scope and its team's, each only when it has a limit. */
    List<QuotaStore.Scope> scopes(GatewayKey key) {
        List<QuotaStore.Scope> scopes = new ArrayList<>(2);
        if (key == null) {
            return scopes;
        }
        if (!key.limits().none()) {
            scopes.add(new QuotaStore.Scope("key:" + key.id(), key.limits()));
        }
        Team team = keys.team(key.team());
        if (team != null && !team.limits().none()) {
            scopes.add(new QuotaStore.Scope("team:" + team.id(), team.limits()));
        }
        return scopes;
    }

    /** A billion tokens: more than any model answers, little enough that costs and sums stay far from overflowing. */
    static final long MAX_ESTIMATE = 1_000_000_000L;
    /** What one attempt settles at most: tokens, and nano-USD (a million USD). */
    static final long MAX_SETTLED = 1_000_000_000_000_000L;
    private static final BigDecimal MAX_SETTLED_USD = BigDecimal.valueOf(MAX_SETTLED).movePointLeft(9);

    record Estimate(long tokens, long costNanos) {
    }

    /**
     * The prompt as counted here, and the answer's allowance: the request's max tokens, or completion-reserve, per
     * choice. Past {@value #MAX_ESTIMATE} tokens (no model answers that much; n × max_tokens may ask 4.6e18) the request
     * is refused: such numbers would overflow the counters, and no budget could hold them anyway.
     */
    private Estimate estimate(RequestContext context) {
        ClientRequest request = context.request();
        if (!request.api().usesTokens()) {
            return new Estimate(0, 0);
        }
        long prompt = request.promptTokens();
        Target target = context.target();
        Long asked = request.maxOutputTokens();
        long perChoice = asked != null ? asked : unaskedAllowance(target);
        long choices = request.choices();
        if (perChoice > (MAX_ESTIMATE - prompt) / choices) {
            throw GatewayException.badRequest("This request could use more than " + MAX_ESTIMATE + " tokens (n × max "
                    + "tokens + prompt), more than a limited key may ask for at once.", choices > 1
                    ? "n" : request.api().maxOutputTokensField(request), "above_key_limit");
        }
        long completion = perChoice * choices;
        Price price = prices.priceOf(target.providerId(), target.upstreamModel());
        return new Estimate(prompt + completion, price == null ? 0 : Price.toCostNanos(price.toCostUsd(prompt, 0L, completion)));
    }

    /** Anthropic's answer is bounded by the max_tokens the gateway sends for it (default-max-tokens); others by nothing. */
    private long unaskedAllowance(Target target) {
        return "anthropic".equals(target.provider().getType()) ? target.provider().getDefaultMaxTokens()
                : properties.getCompletionReserve();
    }

    private static long nonNull(Long value) {
        return value == null ? 0 : value;
    }
}
