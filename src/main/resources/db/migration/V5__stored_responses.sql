-- Stored responses of the Responses API (POST /v1/responses unless store:false; GET/DELETE /v1/responses/{id},
-- previous_response_id). Portable: H2 and PostgreSQL. Each row is seen only by the gateway key that made it (key_id;
-- NULL with auth off). upstream_held: the deployment keeps it too (an OpenAI-type passthrough with store), so a chained
-- call there may send previous_response_id as is. input_items: the request's own input items (not its predecessors');
-- output_items and response: the answer as the client got it. Rows past expires_at are deleted periodically.
CREATE TABLE stored_response (
    id                   VARCHAR(128) NOT NULL,
    key_id               VARCHAR(64),
    deployment           VARCHAR(64)  NOT NULL,
    upstream_held        BOOLEAN      NOT NULL,
    previous_response_id VARCHAR(128),
    model                VARCHAR(256) NOT NULL,
    input_items          TEXT         NOT NULL,
    output_items         TEXT         NOT NULL,
    response             TEXT         NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT stored_response_pk PRIMARY KEY (id)
);

CREATE INDEX stored_response_expires_at ON stored_response (expires_at);
