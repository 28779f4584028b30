-- One row per snapshot: the block every figure of it was read at. Keyed by block number, so a restart or a
-- double trigger cannot store a block twice; a reorg replaces the row (and its pool rows) in one transaction.
CREATE TABLE snapshot (
    block_number BIGINT       NOT NULL PRIMARY KEY,
    block_hash   VARCHAR(66)  NOT NULL,
    block_time   BIGINT       NOT NULL, -- unix seconds, UTC
    chain_id     BIGINT       NOT NULL,
    stored_at    BIGINT       NOT NULL  -- unix milliseconds, when this row was written
);

-- One row per pool per snapshot. Amounts are wei as NUMERIC(78,0): a uint256 fits exactly.
-- block_time repeats the snapshot's, so history queries of one pool read this table and its index only.
CREATE TABLE pool_state (
    pool_id       VARCHAR(40)    NOT NULL,
    block_number  BIGINT         NOT NULL REFERENCES snapshot (block_number) ON DELETE CASCADE,
    block_time    BIGINT         NOT NULL,
    status        VARCHAR(8)     NOT NULL,
    eth_per_token NUMERIC(78, 0),
    total_eth     NUMERIC(78, 0),
    token_supply  NUMERIC(78, 0),
    details       VARCHAR(4000), -- JSON object of decimal strings
    failure       VARCHAR(4000),
    PRIMARY KEY (pool_id, block_number),
    CONSTRAINT pool_state_status CHECK (status IN ('OK', 'FAILED')),
    CONSTRAINT pool_state_ok_has_figures CHECK (
        status <> 'OK' OR (eth_per_token IS NOT NULL AND total_eth IS NOT NULL AND token_supply IS NOT NULL))
);

CREATE INDEX pool_state_history ON pool_state (pool_id, status, block_time, block_number);
CREATE INDEX snapshot_time ON snapshot (block_time);
