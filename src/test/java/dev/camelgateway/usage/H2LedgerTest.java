package dev.camelgateway.usage;

/** The ledger contract on the embedded H2 ledger (the default), in the shared test gateway. */
class H2LedgerTest extends LedgerScenarios {
}
