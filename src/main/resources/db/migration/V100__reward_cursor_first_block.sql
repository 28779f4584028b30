-- The first block from which a pool's events of one kind were read: every such event from it up to last_block is
-- stored. Lido's SDK window needs it to know that no report lies between it and the first stored one (a chain
-- younger than the SDK's search holds fewer reports than the search covers, and that is not missing history).
-- Cursors stored before this column existed leave it NULL: their coverage is then taken to start at the first
-- stored event, as before.
ALTER TABLE reward_event_cursor ADD COLUMN first_block BIGINT;
