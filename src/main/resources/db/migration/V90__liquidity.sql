-- Liquidity figures of each snapshot (docs/LIQUIDITY.md), written in the same transaction as the snapshot and
-- deleted with it (a reorg replaces both). One row per pool that has a market or an exit read: the market's
-- columns are null where the pool has no market, the exit's where it exposes none (has_exit false). Amounts are
-- wei (NUMERIC(78,0): a uint256 fits); sizes are whole tokens; discounts are basis points with 2 decimals, with
-- room for any ratio of two uint256 (a broken market's premium must not fail the snapshot's transaction).
CREATE TABLE liquidity_pool (
    block_number               BIGINT         NOT NULL REFERENCES snapshot (block_number) ON DELETE CASCADE,
    pool_id                    VARCHAR(40)    NOT NULL,
    block_time                 BIGINT         NOT NULL, -- unix seconds, as the snapshot's
    position                   INT            NOT NULL, -- pools.yml order
    market_id                  VARCHAR(100),
    venue                      VARCHAR(200),
    market_address             VARCHAR(42),
    token                      VARCHAR(40),
    market_failure             VARCHAR(2000), -- why the market could not be quoted; null when quoted
    redemption_wei             NUMERIC(78, 0), -- wei one whole token redeems for; 0 when unknown (failed)
    depth_tokens               NUMERIC(78, 0),
    depth_below_tokens         NUMERIC(78, 0),
    has_exit                   BOOLEAN        NOT NULL,
    exit_failure               VARCHAR(2000),
    liquid_eth_wei             NUMERIC(78, 0),
    queue_unfinalized_wei      NUMERIC(78, 0), -- Lido's withdrawal queue; null for the other pools
    queue_unfinalized_requests BIGINT,
    queue_oldest_age_seconds   BIGINT,
    PRIMARY KEY (block_number, pool_id),
    CONSTRAINT liquidity_market_whole CHECK ((market_id IS NULL) = (redemption_wei IS NULL))
);

-- The reported quotes of a market (sizes 1, 100 and 10,000 tokens).
CREATE TABLE liquidity_quote (
    block_number BIGINT          NOT NULL,
    pool_id      VARCHAR(40)     NOT NULL,
    size_tokens  BIGINT          NOT NULL,
    eth_out_wei  NUMERIC(78, 0)  NOT NULL,
    discount_bps NUMERIC(100, 2) NOT NULL,
    PRIMARY KEY (block_number, pool_id, size_tokens),
    FOREIGN KEY (block_number, pool_id) REFERENCES liquidity_pool (block_number, pool_id) ON DELETE CASCADE
);

CREATE INDEX liquidity_pool_history ON liquidity_pool (pool_id, block_time, block_number);
