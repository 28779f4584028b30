-- Concentration figures of each snapshot, written in the same transaction as the snapshot and deleted with it
-- (a reorg replaces both). Shares are fractions 0..1 with 18 decimals, HHI 0..10,000 with 6 decimals
-- (analytics/Concentration). The lst_* measures are among the tracked pools; staked_* over all staked ETH,
-- present only with a total from the beacon node, else staked_absent says why.
CREATE TABLE concentration (
    block_number          BIGINT         NOT NULL PRIMARY KEY REFERENCES snapshot (block_number) ON DELETE CASCADE,
    block_time            BIGINT         NOT NULL, -- unix seconds, as the snapshot's
    lst_total             NUMERIC(78, 0) NOT NULL, -- wei
    pools_counted         INT            NOT NULL,
    missing_pools         VARCHAR(1000)  NOT NULL, -- comma-separated ids of pools that failed at this block
    largest_pool          VARCHAR(40),
    lst_largest_share     NUMERIC(38, 18) NOT NULL,
    lst_top3_share        NUMERIC(38, 18) NOT NULL,
    lst_hhi               NUMERIC(16, 6)  NOT NULL,
    lst_tau_third         INT,
    lst_tau_half          INT,
    lst_tau_two_thirds    INT,
    staked_total          NUMERIC(78, 0), -- wei: sum of active validators' balances
    staked_slot           BIGINT,
    staked_validators     BIGINT,
    staked_absent         VARCHAR(2000),
    staked_largest_share  NUMERIC(38, 18),
    staked_top3_share     NUMERIC(38, 18),
    staked_hhi            NUMERIC(16, 6),
    staked_tau_third      INT,
    staked_tau_half       INT,
    staked_tau_two_thirds INT,
    CONSTRAINT concentration_staked_or_reason CHECK ((staked_total IS NULL) <> (staked_absent IS NULL))
);

CREATE TABLE concentration_pool (
    block_number    BIGINT          NOT NULL REFERENCES concentration (block_number) ON DELETE CASCADE,
    pool_id         VARCHAR(40)     NOT NULL,
    position        INT             NOT NULL, -- registry order
    stake           NUMERIC(78, 0)  NOT NULL, -- wei: the pool's totalEth
    share_of_lsts   NUMERIC(38, 18) NOT NULL,
    share_of_staked NUMERIC(38, 18),
    PRIMARY KEY (block_number, pool_id)
);

CREATE INDEX concentration_time ON concentration (block_time, block_number);
