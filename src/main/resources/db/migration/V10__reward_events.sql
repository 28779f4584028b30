-- Report events that carry exact reward figures (Lido TokenRebased, Rocket Pool BalancesUpdated), kept raw
-- as eth_getLogs returned them, so every reward rate can be derived again from what the chain said.
-- Only confirmed blocks are read; one row per log, keyed by its place in the chain.
CREATE TABLE reward_event (
    pool_id      VARCHAR(40)   NOT NULL,
    event_name   VARCHAR(40)   NOT NULL,
    block_number BIGINT        NOT NULL,
    log_index    BIGINT        NOT NULL,
    block_hash   VARCHAR(66)   NOT NULL,
    address      VARCHAR(42)   NOT NULL,
    topics       VARCHAR(1000) NOT NULL, -- the log's topics, hex, comma-separated
    data         VARCHAR(4000) NOT NULL, -- the log's data, hex
    PRIMARY KEY (pool_id, event_name, block_number, log_index)
);

-- How far each pool's events have been read: the last block of the last page read and stored, so that a
-- restart goes on where it stopped and no block range is read twice.
CREATE TABLE reward_event_cursor (
    pool_id    VARCHAR(40) NOT NULL,
    event_name VARCHAR(40) NOT NULL,
    last_block BIGINT      NOT NULL,
    PRIMARY KEY (pool_id, event_name)
);
