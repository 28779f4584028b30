package io.lsttracker.concentration;

import io.lsttracker.concentration.Concentration.Measures;
import io.lsttracker.concentration.Concentration.Tau;
import io.lsttracker.concentration.ConcentrationReport.PoolShare;
import io.lsttracker.beacon.TotalStaked;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.PoolId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of table concentration and concentration_pool (V20), and through {@link OperatorRows} the operator
 * figures (V40): written with a snapshot, read back whole.
 */
final class ConcentrationRows {
    static final String COLUMNS = "c.block_number, c.block_time, c.lst_total, c.pools_counted, c.missing_pools, "
            + "c.largest_pool, c.lst_largest_share, c.lst_top3_share, c.lst_hhi, c.lst_tau_third, c.lst_tau_half, "
            + "c.lst_tau_two_thirds, c.staked_total, c.staked_slot, c.staked_validators, c.staked_absent, "
            + "c.staked_largest_share, c.staked_top3_share, c.staked_hhi, c.staked_tau_third, c.staked_tau_half, "
            + "c.staked_tau_two_thirds, s.block_hash";

    private ConcentrationRows() {
    }

    static void insert(Connection c, ConcentrationReport report) throws SQLException {
        Measures lst = report.amongLsts();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO concentration (block_number, block_time, lst_total, "
                + "pools_counted, missing_pools, largest_pool, lst_largest_share, lst_top3_share, lst_hhi, "
                + "lst_tau_third, lst_tau_half, lst_tau_two_thirds, staked_total, staked_slot, staked_validators, "
                + "staked_absent, staked_largest_share, staked_top3_share, staked_hhi, staked_tau_third, "
                + "staked_tau_half, staked_tau_two_thirds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?)")) {
            s.setLong(1, report.block().number());
            s.setLong(2, report.block().timestamp().getEpochSecond());
            s.setBigDecimal(3, new BigDecimal(lst.combined()));
            s.setInt(4, lst.entities());
            s.setString(5, String.join(",", report.missingPools().stream().map(PoolId::value).toList()));
            s.setString(6, lst.largest().orElse(null));
            s.setBigDecimal(7, lst.largestShare());
            s.setBigDecimal(8, lst.top3Share());
            s.setBigDecimal(9, lst.hhi());
            setTau(s, 10, lst);
            Optional<TotalStaked> staked = report.staked();
            Optional<Measures> all = report.amongStaked();
            s.setBigDecimal(13, staked.map(t -> new BigDecimal(t.wei())).orElse(null));
            setLong(s, 14, staked.map(TotalStaked::slot));
            setLong(s, 15, staked.map(TotalStaked::activeValidators));
            s.setString(16, report.stakedAbsent().orElse(null));
            s.setBigDecimal(17, all.map(Measures::largestShare).orElse(null));
            s.setBigDecimal(18, all.map(Measures::top3Share).orElse(null));
            s.setBigDecimal(19, all.map(Measures::hhi).orElse(null));
            if (all.isPresent()) {
                setTau(s, 20, all.get());
            } else {
                for (int i = 20; i <= 22; i++) {
                    s.setNull(i, Types.INTEGER);
                }
            }
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO concentration_pool (block_number, pool_id, position, "
                + "stake, share_of_lsts, share_of_staked) VALUES (?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (PoolShare pool : report.pools()) {
                s.setLong(1, report.block().number());
                s.setString(2, pool.id().value());
                s.setInt(3, position++);
                s.setBigDecimal(4, new BigDecimal(pool.stake()));
                s.setBigDecimal(5, pool.shareOfLsts());
                s.setBigDecimal(6, pool.shareOfStaked().orElse(null));
                s.addBatch();
            }
            s.executeBatch();
        }
        OperatorRows.insert(c, report);
    }

    /** The report of a row selected with {@link #COLUMNS} (concentration c JOIN snapshot s), with its pools. */
    static ConcentrationReport read(Connection c, ResultSet r) throws SQLException {
        long block = r.getLong(1);
        BlockRef ref = new BlockRef(block, r.getString(23), java.time.Instant.ofEpochSecond(r.getLong(2)));
        BigInteger lstTotal = r.getBigDecimal(3).toBigIntegerExact();
        int entities = r.getInt(4);
        String missing = r.getString(5);
        Optional<String> largest = Optional.ofNullable(r.getString(6));
        Measures lst = new Measures(entities, lstTotal, lstTotal, largest, share(r, 7), share(r, 8),
                r.getBigDecimal(9).setScale(Concentration.HHI_SCALE), tau(r, 10));
        Optional<TotalStaked> staked = Optional.empty();
        Optional<Measures> all = Optional.empty();
        BigDecimal stakedTotal = r.getBigDecimal(13);
        if (stakedTotal != null) {
            BigInteger wei = stakedTotal.toBigIntegerExact();
            staked = Optional.of(new TotalStaked(r.getLong(14), wei, r.getLong(15)));
            all = Optional.of(new Measures(entities, lstTotal, wei, largest, share(r, 17), share(r, 18),
                    r.getBigDecimal(19).setScale(Concentration.HHI_SCALE), tau(r, 20)));
        }
        Optional<String> absent = Optional.ofNullable(r.getString(16));
        List<PoolShare> pools = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT pool_id, stake, share_of_lsts, share_of_staked "
                + "FROM concentration_pool WHERE block_number = ? ORDER BY position")) {
            s.setLong(1, block);
            try (ResultSet p = s.executeQuery()) {
                while (p.next()) {
                    BigDecimal ofStaked = p.getBigDecimal(4);
                    pools.add(new PoolShare(new PoolId(p.getString(1)), p.getBigDecimal(2).toBigIntegerExact(),
                            p.getBigDecimal(3).setScale(Concentration.SHARE_SCALE),
                            Optional.ofNullable(ofStaked).map(v -> v.setScale(Concentration.SHARE_SCALE))));
                }
            }
        }
        List<PoolId> missingPools = missing.isEmpty() ? List.of()
                : Arrays.stream(missing.split(",")).map(PoolId::new).toList();
        return OperatorRows.read(c, new ConcentrationReport(ref, pools, missingPools, lst, staked, all, absent));
    }

    private static BigDecimal share(ResultSet r, int column) throws SQLException {
        return r.getBigDecimal(column).setScale(Concentration.SHARE_SCALE);
    }

    private static Map<Tau, Optional<Integer>> tau(ResultSet r, int first) throws SQLException {
        Map<Tau, Optional<Integer>> tau = new EnumMap<>(Tau.class);
        Tau[] values = Tau.values();
        for (int i = 0; i < values.length; i++) {
            int value = r.getInt(first + i);
            tau.put(values[i], r.wasNull() ? Optional.empty() : Optional.of(value));
        }
        return Map.copyOf(tau);
    }

    private static void setTau(PreparedStatement s, int first, Measures m) throws SQLException {
        Tau[] values = Tau.values();
        for (int i = 0; i < values.length; i++) {
            Optional<Integer> tau = m.tau(values[i]);
            if (tau.isPresent()) {
                s.setInt(first + i, tau.get());
            } else {
                s.setNull(first + i, Types.INTEGER);
            }
        }
    }

    private static void setLong(PreparedStatement s, int index, Optional<Long> value) throws SQLException {
        if (value.isPresent()) {
            s.setLong(index, value.get());
        } else {
            s.setNull(index, Types.BIGINT);
        }
    }
}
