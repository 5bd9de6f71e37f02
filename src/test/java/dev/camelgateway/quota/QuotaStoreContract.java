package dev.camelgateway.quota;

import dev.camelgateway.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;

/**
 * The quota store's semantics, one test suite for both stores: each subclass says how to build a store and a peer (a
 * second gateway instance on the same counters) on {@link #clock()} and {@link #ledger()}.
 */
abstract class QuotaStoreContract
        implements RateLimitContract, ReservationContract, BudgetContract, SeedingContract, ConcurrencyContract {
    private final MutableClock clock = new MutableClock(START);
    private final FakeLedger ledger = new FakeLedger();
    private QuotaStore store;
    private QuotaStore peer;

    /** A store on an empty backing (reservation ttl {@link #TTL}). */
    protected abstract QuotaStore newStore();

    /** Another gateway instance on the same backing as {@code store}. */
    protected abstract QuotaStore peerOf(QuotaStore store);

    @BeforeEach
    void openStores() {
        store = newStore();
        peer = peerOf(store);
    }

    @Override
    public QuotaStore store() {
        return store;
    }

    @Override
    public QuotaStore peer() {
        return peer;
    }

    @Override
    public MutableClock clock() {
        return clock;
    }

    @Override
    public FakeLedger ledger() {
        return ledger;
    }
}
