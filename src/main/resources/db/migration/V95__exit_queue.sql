-- The beacon chain's exit queue, read in the same pass over the validators as the total staked and stored with it
-- (beacon/BeaconClient, liquidity/BeaconExitChurn): validators active_exiting or active_slashed, the sum of their
-- effective balances, and the sum of all active validators' effective balances (the churn limit's input). Null in
-- rows stored before this version and whenever the total staked is absent.
ALTER TABLE concentration ADD COLUMN exit_queue_validators BIGINT;
ALTER TABLE concentration ADD COLUMN exit_queue_wei NUMERIC(78, 0); -- wei: effective balances of the exiting
ALTER TABLE concentration ADD COLUMN active_effective_wei NUMERIC(78, 0); -- wei: effective balances of the active
ALTER TABLE concentration ADD CONSTRAINT concentration_exit_queue_whole CHECK (
    (exit_queue_validators IS NULL) = (exit_queue_wei IS NULL)
    AND (exit_queue_wei IS NULL) = (active_effective_wei IS NULL)
    AND (exit_queue_wei IS NULL OR staked_total IS NOT NULL));
-- A reading is stored with every snapshot of its epoch: the queue's history keeps the first block of each slot read.
CREATE INDEX concentration_staked_slot ON concentration (staked_slot, block_number);
