-- One row per upstream attempt (design.md §4.4). Portable SQL: the same migration runs on H2 and PostgreSQL.
CREATE TABLE usage_ledger (
    request_id        VARCHAR(64)  NOT NULL,
    attempt           INTEGER      NOT NULL,
    client_request_id VARCHAR(256),
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_model   VARCHAR(256) NOT NULL,
    provider          VARCHAR(64)  NOT NULL,
    upstream_model    VARCHAR(256) NOT NULL,
    stream            BOOLEAN      NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    prompt_tokens     BIGINT,
    completion_tokens BIGINT,
    total_tokens      BIGINT,
    cached_tokens     BIGINT,
    reasoning_tokens  BIGINT,
    usage_source      VARCHAR(16)  NOT NULL,
    ttft_ms           BIGINT,
    duration_ms       BIGINT       NOT NULL,
    http_status       INTEGER,
    error_code        VARCHAR(64),
    CONSTRAINT usage_ledger_pk PRIMARY KEY (request_id, attempt)
);

CREATE INDEX usage_ledger_started_at ON usage_ledger (started_at);
