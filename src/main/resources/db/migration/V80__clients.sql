-- Client diversity (docs/CLIENTS.md): one row per finalized slot read. A slot without a block is missed; a block
-- carries its proposer, the proposer's entity (the newest entity reading's attribution) and what its graffiti says.
CREATE TABLE block_proposal (
    slot             BIGINT      NOT NULL PRIMARY KEY,
    missed           BOOLEAN     NOT NULL,
    proposer_index   BIGINT,
    entity_id        VARCHAR(40),
    graffiti         VARCHAR(66),            -- the 32 bytes, 0x-hex
    consensus_client VARCHAR(20),            -- Client.id(), null when the graffiti does not say
    execution_client VARCHAR(20),
    identified_by    VARCHAR(10) NOT NULL    -- CODES, NAMES or NONE (clients/Graffiti)
);
CREATE INDEX block_proposal_entity ON block_proposal (entity_id, slot);

-- The last slot read (every slot up to it is stored).
CREATE TABLE clients_cursor (
    name      VARCHAR(40) NOT NULL PRIMARY KEY,
    last_slot BIGINT      NOT NULL
);
