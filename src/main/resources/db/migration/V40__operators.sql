-- Concentration inside the pools, written with the snapshot's concentration row (same transaction) and deleted
-- with it. Lido: among its node operators (entities as in analytics/OperatorConcentration), stakes are active
-- validators; shares are fractions with 18 decimals, HHI 0..10,000 with 6. Rocket Pool: its node operator and
-- minipool counts, copied from the rocketpool pool_state details so history reads this table alone.
-- A row exists when at least one of the two was read; the other's columns are then NULL.
CREATE TABLE operator_concentration (
    block_number          BIGINT NOT NULL PRIMARY KEY REFERENCES concentration (block_number) ON DELETE CASCADE,
    lido_operators        INT,
    lido_validators       BIGINT,
    lido_largest_share    NUMERIC(38, 18),
    lido_top3_share       NUMERIC(38, 18),
    lido_hhi              NUMERIC(16, 6),
    lido_tau_third        INT,
    lido_tau_half         INT,
    lido_tau_two_thirds   INT,
    rp_node_operators     BIGINT,
    rp_minipools          BIGINT,
    rp_active_minipools   BIGINT,
    rp_staking_minipools  BIGINT,
    CONSTRAINT operator_concentration_lido CHECK ((lido_operators IS NULL) = (lido_hhi IS NULL)),
    CONSTRAINT operator_concentration_rp CHECK ((rp_node_operators IS NULL) = (rp_minipools IS NULL))
);

-- The largest Lido operators of each snapshot (at most 10), largest first.
CREATE TABLE lido_operator_largest (
    block_number      BIGINT          NOT NULL REFERENCES operator_concentration (block_number) ON DELETE CASCADE,
    position          INT             NOT NULL,
    name              VARCHAR(255)    NOT NULL, -- NodeOperatorsRegistry caps names at 255 characters
    module            VARCHAR(20)     NOT NULL,
    active_validators BIGINT          NOT NULL,
    share             NUMERIC(38, 18) NOT NULL,
    PRIMARY KEY (block_number, position)
);
