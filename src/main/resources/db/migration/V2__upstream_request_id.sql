-- The provider's own id of each attempt's answer (OpenAI x-request-id, Anthropic request-id), the one to quote to the
-- provider. Null when the attempt got no answer or the provider sent none. Portable: H2 and PostgreSQL.
ALTER TABLE usage_ledger ADD COLUMN upstream_request_id VARCHAR(128);
