package io.lsttracker.snapshot;

import io.lsttracker.db.StoreException;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/** Which blocks already have a snapshot, so a backfill skips them without reading the chain again. */
@Singleton
public class StoredBlocks {
    private final DataSource dataSource;

    public StoredBlocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Hash of every stored snapshot with a block number in [from, to]. */
    public Map<Long, String> hashesBetween(long from, long to) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT block_number, block_hash FROM snapshot WHERE block_number BETWEEN ? AND ?")) {
            s.setLong(1, from);
            s.setLong(2, to);
            Map<Long, String> hashes = new HashMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    hashes.put(r.getLong(1), r.getString(2));
                }
            }
            return hashes;
        } catch (SQLException e) {
            throw new StoreException("cannot read which blocks are stored: " + e.getMessage(), e);
        }
    }
}
