package io.lsttracker.concentration;

import io.lsttracker.db.JdbcWork;
import io.lsttracker.snapshot.JdbcSnapshotStore;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads the concentration figures stored with the snapshots (written by {@link JdbcSnapshotStore#save}). */
@Singleton
public final class ConcentrationStore {
    private static final String FROM = " FROM concentration c JOIN snapshot s ON s.block_number = c.block_number ";

    private final DataSource dataSource;

    public ConcentrationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The figures of the newest snapshot that has them. */
    public Optional<ConcentrationReport> latest() {
        return query("read the latest concentration", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + ConcentrationRows.COLUMNS + FROM
                    + "ORDER BY c.block_number DESC FETCH FIRST 1 ROWS ONLY");
                    ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(ConcentrationRows.read(c, r)) : Optional.empty();
            }
        });
    }

    /** The figures stored for one block. */
    public Optional<ConcentrationReport> at(long blockNumber) {
        return query("read the concentration of block " + blockNumber, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + ConcentrationRows.COLUMNS + FROM
                    + "WHERE c.block_number = ?")) {
                s.setLong(1, blockNumber);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(ConcentrationRows.read(c, r)) : Optional.empty();
                }
            }
        });
    }

    /** In [from, to), per {@code interval} bucket (aligned to the unix epoch) the last snapshot's figures. */
    public List<ConcentrationReport> history(Instant from, Instant to, Duration interval) {
        String sql = "SELECT " + ConcentrationRows.COLUMNS + FROM + "JOIN ("
                + "  SELECT MAX(block_number) AS last_block FROM concentration"
                + "  WHERE block_time >= ? AND block_time < ? GROUP BY block_time / ?"
                + ") b ON c.block_number = b.last_block ORDER BY c.block_number";
        return query("read the concentration history", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, from.getEpochSecond());
                s.setLong(2, to.getEpochSecond());
                s.setLong(3, interval.getSeconds());
                List<ConcentrationReport> reports = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        reports.add(ConcentrationRows.read(c, r));
                    }
                }
                return reports;
            }
        });
    }


    private <T> T query(String what, JdbcWork.Work<T> work) {
        return JdbcWork.run(dataSource, what, work);
    }
}
