package dev.camelgateway.usage;

import org.h2.tools.TriggerAdapter;

import java.sql.Connection;
import java.sql.ResultSet;

/** An H2 trigger that makes every ledger insert take 20 ms: a deliberately slow ledger for the load test. */
public class SlowLedgerTrigger extends TriggerAdapter {
    @Override
    public void fire(Connection connection, ResultSet oldRow, ResultSet newRow) throws java.sql.SQLException {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
