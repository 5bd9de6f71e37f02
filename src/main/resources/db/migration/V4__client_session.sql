-- The client's own session id (Claude Code's X-Claude-Code-Session-Id on /v1/messages), for per-session accounting:
-- printable ASCII, at most 128 characters (longer values are cut where they enter), NULL when the client sent none.
-- Portable: H2 and PostgreSQL.
ALTER TABLE usage_ledger ADD COLUMN client_session_id VARCHAR(128);
CREATE INDEX usage_ledger_client_session ON usage_ledger (client_session_id, started_at);
