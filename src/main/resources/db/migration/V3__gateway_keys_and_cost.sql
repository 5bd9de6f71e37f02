-- Gateway keys and teams (issue 12), and who spent what on every ledger row. Portable: H2 and PostgreSQL.
-- A key's secret is never stored: only its SHA-256 (keys are 256 random bits, so a slow hash adds nothing) and the
-- last four characters, to tell keys apart in a list. Limits and metadata are small JSON documents.
CREATE TABLE gateway_team (
    id          VARCHAR(64)   NOT NULL,
    name        VARCHAR(256)  NOT NULL,
    limits      VARCHAR(2000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT gateway_team_pk PRIMARY KEY (id)
);

CREATE TABLE gateway_key (
    id           VARCHAR(64)   NOT NULL,
    secret_hash  VARCHAR(64)   NOT NULL,
    secret_hint  VARCHAR(8)    NOT NULL,
    name         VARCHAR(256)  NOT NULL,
    team         VARCHAR(64),
    models       VARCHAR(4000) NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    enabled      BOOLEAN       NOT NULL,
    metadata     VARCHAR(4000) NOT NULL,
    limits       VARCHAR(2000) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT gateway_key_pk PRIMARY KEY (id),
    CONSTRAINT gateway_key_secret UNIQUE (secret_hash)
);

-- api: chat, messages, responses, embeddings. key_id and team: the caller (NULL with auth off). cost_usd: from the
-- configured price table (NULL when the model has no price or a count is unknown).
ALTER TABLE usage_ledger ADD COLUMN api VARCHAR(16) DEFAULT 'chat' NOT NULL;
ALTER TABLE usage_ledger ADD COLUMN key_id VARCHAR(64);
ALTER TABLE usage_ledger ADD COLUMN team VARCHAR(64);
ALTER TABLE usage_ledger ADD COLUMN cost_usd DECIMAL(20, 9);
CREATE INDEX usage_ledger_key ON usage_ledger (key_id, started_at);
CREATE INDEX usage_ledger_team ON usage_ledger (team, started_at);
