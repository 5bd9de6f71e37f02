-- Stream events an attempt skipped because they were not valid JSON (a deployment's malformed-events: skip): 0 for a
-- clean stream. Portable: H2 and PostgreSQL.
ALTER TABLE usage_ledger ADD COLUMN malformed_events INTEGER DEFAULT 0 NOT NULL;
