package dev.camelgateway.quota;

import dev.camelgateway.quota.LedgerTotals.Spent;
import dev.camelgateway.quota.QuotaPeriods.Period;
import dev.camelgateway.quota.RedisQuotaScripts.Script;
import dev.camelgateway.quota.SeedSteps.AdmitStep;
import dev.camelgateway.quota.SeedSteps.SeedStep;
import dev.camelgateway.quota.SeedSteps.UnseededCounter;
import io.lettuce.core.RedisURI;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The quota store shared by every gateway instance: each operation is one atomic Lua script
 * ({@code src/main/resources/quota/}) over one shared Lettuce connection. <b>Standalone Redis only</b> (no cluster):
 * one script touches the keys of several scopes, derived inside the scripts.
 *
 * <p>Time is this instance's {@link Clock}, passed to the scripts (rate refill, reservation expiry, UTC periods): the
 * instances sharing a Redis need synchronised clocks (NTP). Every key expires: rate buckets a minute after they would
 * be full, reservations {@code reservationTtl} after the last admission, settle markers after an hour, budget counters
 * a day after their period. A lost counter (restart, FLUSHALL) is seeded once from the ledger (see
 * {@link SeedingQuotaStore}). A command timeout or a lost connection is a {@link QuotaStoreUnavailable}, within the
 * command timeout; a command that timed out may still have run (a reservation then holds until released or expired).
 */
public final class RedisQuotaStore extends SeedingQuotaStore implements AutoCloseable {

    /** {@code keyPrefix} starts every key; {@code reservationTtl} is how long an unreleased reservation holds. */
    public record Settings(String keyPrefix, Duration commandTimeout, Duration reservationTtl) {
        public static Settings defaults() {
            return new Settings("cgw:", Duration.ofMillis(500), Duration.ofMinutes(10));
        }

        public Settings {
            Objects.requireNonNull(keyPrefix, "keyPrefix");
            Objects.requireNonNull(commandTimeout, "commandTimeout");
            Objects.requireNonNull(reservationTtl, "reservationTtl");
        }
    }

    private final Settings settings;
    private final RedisConnector connector;
    private final RedisQuotaScripts scripts;

    public RedisQuotaStore(RedisURI redis, Settings settings, LedgerTotals ledger, Clock clock) {
        super(ledger, clock);
        this.settings = settings;
        this.connector = new RedisConnector(redis, settings.commandTimeout());
        this.scripts = new RedisQuotaScripts(connector);
    }

    /**
     * Waits up to {@code within} for the connection opened in the background since construction (a start-up step:
     * until it is up, calls are refused after the command timeout); false if Redis cannot be reached by then.
     */
    public boolean awaitConnected(Duration within) {
        return connector.awaitConnected(within);
    }

    @Override
    AdmitStep tryAdmit(AdmissionRequest request, long nowMillis) {
        Period day = QuotaPeriods.day(Instant.ofEpochMilli(nowMillis));
        Period month = QuotaPeriods.month(Instant.ofEpochMilli(nowMillis));
        String[] args = RedisQuotaArgs.admit(settings.keyPrefix(), nowMillis, settings.reservationTtl().toMillis(),
                request, day, month);
        return RedisQuotaReplies.toAdmitStep(scripts.run(Script.ADMIT, args), day, month);
    }

    @Override
    public void settle(Settlement settlement) {
        requireAmounts(settlement.tokens(), settlement.costNanos());
        scripts.run(Script.SETTLE, RedisQuotaArgs.settle(settings.keyPrefix(), clock.millis(),
                settings.reservationTtl().toMillis(), settlement));
    }

    @Override
    public void release(String reservationId, List<Scope> scopes) {
        scripts.run(Script.RELEASE, RedisQuotaArgs.release(settings.keyPrefix(), clock.millis(), reservationId, scopes));
    }

    @Override
    SeedStep trySeed(UnseededCounter counter, Spent spent, Set<String> excluded) {
        String[] args = RedisQuotaArgs.seed(settings.keyPrefix(), clock.millis(), counter, spent, excluded);
        return RedisQuotaReplies.toSeedStep(scripts.run(Script.SEED, args));
    }

    @Override
    public void close() {
        connector.close();
    }
}
