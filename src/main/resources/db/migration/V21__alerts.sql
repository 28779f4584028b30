-- Alerts: the evaluator's memory per rule and subject, the events it produced, and the outbox of their
-- deliveries to webhooks. State, events and deliveries of one evaluation are written in one transaction, so a
-- restart neither forgets a firing alert nor loses or re-creates an event.
CREATE TABLE alert_state (
    rule_id       VARCHAR(80)     NOT NULL,
    subject       VARCHAR(80)     NOT NULL, -- a pool id, or 'all', or 'tracker'
    firing        BOOLEAN         NOT NULL,
    pending_since BIGINT,                   -- unix seconds: crossed during the cooldown
    last_fired_at BIGINT,                   -- unix seconds
    last_value    NUMERIC(60, 27),
    PRIMARY KEY (rule_id, subject)
);

-- The newest block the rules were evaluated at (one row): an older snapshot recorded later (a backfill) is
-- history, not news, and must not move the state of alerts about now.
CREATE TABLE alert_evaluated (
    id           INT    NOT NULL PRIMARY KEY CHECK (id = 1),
    block_number BIGINT NOT NULL
);

CREATE TABLE alert_event (
    id           VARCHAR(36)     NOT NULL PRIMARY KEY, -- sent with every delivery: receivers drop duplicates by it
    rule_id      VARCHAR(80)     NOT NULL,
    metric       VARCHAR(40)     NOT NULL,
    subject      VARCHAR(80)     NOT NULL,
    kind         VARCHAR(10)     NOT NULL,
    observed     NUMERIC(60, 27) NOT NULL, -- the value that crossed (or came back)
    threshold    NUMERIC(60, 27) NOT NULL,
    direction    VARCHAR(10)     NOT NULL,
    occurred_at  BIGINT          NOT NULL, -- unix seconds: the snapshot's block time, or the clock for staleness
    block_number BIGINT,
    message      VARCHAR(1000)   NOT NULL,
    created_at   BIGINT          NOT NULL, -- unix milliseconds, also the listing order among equal times
    CONSTRAINT alert_event_kind CHECK (kind IN ('FIRING', 'RESOLVED'))
);
CREATE INDEX alert_event_time ON alert_event (occurred_at, created_at);

CREATE TABLE alert_delivery (
    event_id        VARCHAR(36)   NOT NULL REFERENCES alert_event (id) ON DELETE CASCADE,
    webhook         VARCHAR(80)   NOT NULL, -- the webhook's name in config/alerts.yml
    attempts        INT           NOT NULL,
    next_attempt_at BIGINT        NOT NULL, -- unix milliseconds
    delivered_at    BIGINT,                 -- unix milliseconds; NULL while pending
    last_error      VARCHAR(1000),
    PRIMARY KEY (event_id, webhook)
);
CREATE INDEX alert_delivery_due ON alert_delivery (delivered_at, next_attempt_at);
