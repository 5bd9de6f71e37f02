package dev.camelgateway.quota;

import dev.camelgateway.quota.QuotaStore.Scope;
import dev.camelgateway.quota.QuotaStore.Settlement;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.camelgateway.quota.LimitsBuilder.limits;
import static dev.camelgateway.quota.QuotaFixture.key;
import static dev.camelgateway.quota.QuotaFixture.team;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 200 threads on two instances (in memory: one) racing for one budget, its first seed included. */
interface ConcurrencyContract extends QuotaFixture {
    int THREADS = 200;

    @Test
    default void concurrentAdmissionsNeverOverrunTheBudgetAndSettlesAllCount() throws Exception {
        Scope key = key("1", limits().dailyTokens(1200L).parallel(500));
        Scope team = team("t", limits().rpm(10_000L));
        ledger().add("key:1", START, "before-restart#1", 200, 0);

        List<Boolean> admitted = onThreads(i -> {
            QuotaStore store = i % 2 == 0 ? store() : peer();
            return admit(store, "r" + i, 10, 0, key, team) instanceof Admission.Admitted;
        });
        long admittedTokens = admitted.stream().filter(Boolean::booleanValue).count() * 10;
        assertTrue(admittedTokens <= 1000, "admitted " + admittedTokens + " of a budget of 1000 left");
        assertEquals(1000, admittedTokens, "every estimate that fits is admitted");

        List<Boolean> settled = onThreads(i -> {
            if (!admitted.get(i)) {
                return false;
            }
            QuotaStore store = i % 2 == 0 ? peer() : store();
            store.settle(new Settlement("r" + i, 1, "r" + i, List.of(key, team), i % 10, 0, clock().instant()));
            store.release("r" + i, List.of(key, team));
            return true;
        });
        long settledTokens = 0;
        for (int i = 0; i < THREADS; i++) {
            settledTokens += settled.get(i) ? i % 10 : 0;
        }
        assertDailySpent("key:1", 1200, 200 + settledTokens);
    }

    interface Task {
        boolean run(int thread) throws Exception;
    }

    /** Runs the task on {@value #THREADS} threads released at once; the results by thread number. */
    private static List<Boolean> onThreads(Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int thread = i;
                Callable<Boolean> call = () -> {
                    start.await();
                    return task.run(thread);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
