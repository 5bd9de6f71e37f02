package dev.camelgateway.quota;

import java.time.Instant;
import java.util.List;

/**
 * Counters and reservations of every key and team, atomic across the scopes of one request: in Redis (shared by every
 * instance) or in memory (one instance), with the same semantics. Each method throws {@link QuotaStoreUnavailable}
 * when the store cannot answer; the caller applies the fail-open / fail-closed policy.
 *
 * <p>Time comes from the {@link java.time.Clock} each store is built with (rate refill, reservation expiry, UTC
 * periods), so the gateway instances sharing a Redis need synchronised clocks. Two rules for callers: a reservation id
 * is unique per request (an admit reusing one replaces its reservation), and an attempt is settled <em>before</em> its
 * ledger row is written (then seeding a lost counter from the ledger never counts an attempt twice).
 */
public interface QuotaStore {

    /**
     * Checks every limit of every scope and, only when all pass, takes one parallel slot, one request and the estimate
     * from the rate buckets, and holds the estimate against the budgets until {@link #release}. Expired reservations
     * (an instance that died) are dropped first. Budget counters the store lost (a restart, a flush) are seeded from
     * the ledger once, before the check.
     */
    Admission admit(AdmissionRequest request);

    /** One attempt's real usage, added once per (request id, attempt) however often it is called. */
    void settle(Settlement settlement);

    /** The end of the request: its slot and estimate are given back (once; a no-op for an expired reservation). */
    void release(String reservationId, List<Scope> scopes);

    /** A key ({@code key:<id>}) or a team ({@code team:<id>}) and its limits. */
    record Scope(String id, Limits limits) {
    }

    /**
     * One request asking to start: its reservation id (the request id), scopes (checked in this order: the key before
     * its team), and estimated tokens and cost.
     */
    record AdmissionRequest(String reservationId, List<Scope> scopes, long tokens, long costNanos) {
    }

    /** What an attempt used: tokens (prompt + completion) and cost in nano-USD, dated by the attempt's start. */
    record Settlement(String requestId, int attempt, String reservationId, List<Scope> scopes, long tokens, long costNanos,
                      Instant startedAt) {
    }
}
