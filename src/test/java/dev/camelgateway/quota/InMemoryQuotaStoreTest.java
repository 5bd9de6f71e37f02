package dev.camelgateway.quota;

import dev.camelgateway.quota.QuotaStore.Scope;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.camelgateway.quota.LimitsBuilder.limits;
import static dev.camelgateway.quota.QuotaFixture.admitted;
import static dev.camelgateway.quota.QuotaFixture.key;
import static dev.camelgateway.quota.QuotaFixture.team;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract on the in-memory store, and its memory bound. */
class InMemoryQuotaStoreTest extends QuotaStoreContract {

    @Override
    protected QuotaStore newStore() {
        return new InMemoryQuotaStore(TTL, ledger(), clock());
    }

    @Override
    protected QuotaStore peerOf(QuotaStore store) {
        return store;
    }

    @Test
    void everythingExpiredIsDroppedFromMemory() {
        InMemoryQuotaStore memory = (InMemoryQuotaStore) store();
        for (int i = 0; i < 50; i++) {
            Scope key = key(String.valueOf(i), limits().rpm(10L).tpm(1000L).parallel(5).dailyTokens(10_000L)
                    .monthlyTokens(100_000L));
            Scope team = team("t", limits().parallel(1000));
            admitted(admit("never-released-" + i, 10, key, team));
            settle("never-released-" + i, 10, 0, key, team);
        }
        assertTrue(memory.entries() > 100, "scopes and counters held: " + memory.entries());
        clock().advance(Duration.ofDays(1));
        assertTrue(memory.entries() > 0, "counters are kept a day past their period");
        clock().advance(Duration.ofDays(60));
        assertEquals(0, memory.entries());
    }
}
