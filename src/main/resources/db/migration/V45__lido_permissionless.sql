-- Lido's active validators run by operators of its permissionless module (the Community Staking Module), out
-- of lido_validators. NULL where CSM was not read: not configured, or the snapshot was stored before the tracker
-- read it (so an old row says "not measured", never 0).
ALTER TABLE operator_concentration ADD COLUMN lido_permissionless_validators BIGINT;
ALTER TABLE operator_concentration ADD CONSTRAINT operator_concentration_permissionless
    CHECK (lido_permissionless_validators IS NULL
        OR (lido_permissionless_validators >= 0 AND lido_permissionless_validators <= lido_validators));
