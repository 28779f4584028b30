-- Who controls the stake (docs/ENTITIES.md).

-- The beacon deposit contract's DepositEvent logs, each with its transaction's sender and target, read from the
-- contract's first block in pages; first_deposit marks the first deposit of a pubkey, the one that created its
-- validator (rule 2 reads only those). A reorg deletes the rows from its first block on; they are read again.
CREATE TABLE entity_deposit (
    block_number  BIGINT       NOT NULL,
    log_index     BIGINT       NOT NULL,
    block_hash    VARCHAR(66)  NOT NULL,
    tx_hash       VARCHAR(66)  NOT NULL,
    pubkey        VARCHAR(98)  NOT NULL,
    credentials   VARCHAR(66)  NOT NULL, -- the withdrawal credentials given with the deposit
    amount_gwei   BIGINT       NOT NULL,
    tx_from       VARCHAR(42)  NOT NULL,
    tx_to         VARCHAR(42),           -- null for a contract creation
    first_deposit BOOLEAN      NOT NULL,
    PRIMARY KEY (block_number, log_index)
);
CREATE INDEX entity_deposit_pubkey ON entity_deposit (pubkey);
CREATE INDEX entity_deposit_first_from ON entity_deposit (first_deposit, tx_from);
CREATE INDEX entity_deposit_first_to ON entity_deposit (first_deposit, tx_to);

-- Rule 1's execution addresses named by the protocols' contracts and followed incrementally: Rocket Pool's
-- minipools (position = index in RocketMinipoolManager) and StakeWise's vaults (position = log index).
CREATE TABLE entity_credential (
    address      VARCHAR(42) NOT NULL PRIMARY KEY,
    source       VARCHAR(20) NOT NULL,
    block_number BIGINT      NOT NULL, -- the block it was read at (minipools) or emitted in (vaults)
    position     BIGINT      NOT NULL
);
CREATE INDEX entity_credential_block ON entity_credential (block_number);

-- How far each incremental read has gone: the last block read (deposits, vaults).
CREATE TABLE entity_cursor (
    name       VARCHAR(40) NOT NULL PRIMARY KEY,
    last_block BIGINT      NOT NULL
);

-- One reading of the validator set per epoch: its figures per entity (and 'unidentified'), the evidence and the
-- conflicts. HHI and tau are derived again from the rows (entity/EntityMeasures), so they are not stored.
CREATE TABLE entity_reading (
    epoch             BIGINT         NOT NULL PRIMARY KEY,
    slot              BIGINT         NOT NULL,
    read_at           BIGINT         NOT NULL, -- unix milliseconds
    block_number      BIGINT         NOT NULL, -- the snapshot block whose slot was read
    validators        BIGINT         NOT NULL,
    active_validators BIGINT         NOT NULL,
    active_stake_gwei NUMERIC(30, 0) NOT NULL
);

CREATE TABLE entity_reading_row (
    epoch             BIGINT         NOT NULL REFERENCES entity_reading (epoch) ON DELETE CASCADE,
    entity_id         VARCHAR(40)    NOT NULL,
    validators        BIGINT         NOT NULL,
    active_validators BIGINT         NOT NULL,
    active_stake_gwei NUMERIC(30, 0) NOT NULL,
    by_credentials    BIGINT         NOT NULL,
    by_sender         BIGINT         NOT NULL,
    by_target         BIGINT         NOT NULL,
    PRIMARY KEY (epoch, entity_id)
);

CREATE TABLE entity_reading_evidence (
    epoch      BIGINT       NOT NULL REFERENCES entity_reading (epoch) ON DELETE CASCADE,
    entity_id  VARCHAR(40)  NOT NULL,
    rule       VARCHAR(20)  NOT NULL,
    detail     VARCHAR(66)  NOT NULL,
    validators BIGINT       NOT NULL,
    PRIMARY KEY (epoch, entity_id, rule, detail)
);

CREATE TABLE entity_reading_conflict (
    epoch        BIGINT       NOT NULL REFERENCES entity_reading (epoch) ON DELETE CASCADE,
    entity_id    VARCHAR(40)  NOT NULL,
    other_id     VARCHAR(40)  NOT NULL,
    other_rule   VARCHAR(20)  NOT NULL,
    other_detail VARCHAR(66)  NOT NULL,
    validators   BIGINT       NOT NULL,
    examples     VARCHAR(200) NOT NULL, -- the first validator indices, comma-separated
    PRIMARY KEY (epoch, entity_id, other_id, other_rule, other_detail)
);
