package io.lsttracker.concentration;

import io.lsttracker.concentration.Concentration.Measures;
import io.lsttracker.concentration.Concentration.Tau;
import io.lsttracker.concentration.LidoOperators.OperatorShare;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of operator_concentration and lido_operator_largest (V40), written and deleted with a snapshot's
 * concentration row ({@link ConcentrationRows}), read back into its report.
 */
final class OperatorRows {
    private OperatorRows() {
    }

    static void insert(Connection c, ConcentrationReport report) throws SQLException {
        Optional<LidoOperators> lido = report.lidoOperators();
        Optional<RocketPoolNodes> rocket = report.rocketPool();
        if (lido.isEmpty() && rocket.isEmpty()) {
            return;
        }
        long block = report.block().number();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO operator_concentration (block_number, "
                + "lido_operators, lido_validators, lido_largest_share, lido_top3_share, lido_hhi, lido_tau_third, "
                + "lido_tau_half, lido_tau_two_thirds, rp_node_operators, rp_minipools, rp_active_minipools, "
                + "rp_staking_minipools) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, block);
            Measures m = lido.map(LidoOperators::measures).orElse(null);
            setInt(s, 2, lido.map(LidoOperators::operators).orElse(null));
            setLong(s, 3, lido.map(LidoOperators::activeValidators).orElse(null));
            s.setBigDecimal(4, m == null ? null : m.largestShare());
            s.setBigDecimal(5, m == null ? null : m.top3Share());
            s.setBigDecimal(6, m == null ? null : m.hhi());
            Tau[] taus = Tau.values();
            for (int i = 0; i < taus.length; i++) {
                setInt(s, 7 + i, m == null ? null : m.tau(taus[i]).orElse(null));
            }
            setLong(s, 10, rocket.map(RocketPoolNodes::nodeOperators).orElse(null));
            setLong(s, 11, rocket.map(RocketPoolNodes::minipools).orElse(null));
            setLong(s, 12, rocket.map(RocketPoolNodes::activeMinipools).orElse(null));
            setLong(s, 13, rocket.map(RocketPoolNodes::stakingMinipools).orElse(null));
            s.executeUpdate();
        }
        if (lido.isPresent()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO lido_operator_largest (block_number, position, "
                    + "name, module, active_validators, share) VALUES (?, ?, ?, ?, ?, ?)")) {
                int position = 0;
                for (OperatorShare op : lido.get().largest()) {
                    s.setLong(1, block);
                    s.setInt(2, position++);
                    s.setString(3, op.name());
                    s.setString(4, op.module());
                    s.setLong(5, op.activeValidators());
                    s.setBigDecimal(6, op.share());
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
    }

    /** {@code report} with the operator figures stored for its block (none stored: unchanged). */
    static ConcentrationReport read(Connection c, ConcentrationReport report) throws SQLException {
        long block = report.block().number();
        try (PreparedStatement s = c.prepareStatement("SELECT lido_operators, lido_validators, lido_largest_share, "
                + "lido_top3_share, lido_hhi, lido_tau_third, lido_tau_half, lido_tau_two_thirds, rp_node_operators, "
                + "rp_minipools, rp_active_minipools, rp_staking_minipools FROM operator_concentration "
                + "WHERE block_number = ?")) {
            s.setLong(1, block);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return report;
                }
                Optional<LidoOperators> lido = Optional.empty();
                if (r.getBigDecimal(5) != null) {
                    lido = Optional.of(lido(c, block, r));
                }
                Optional<RocketPoolNodes> rocket = Optional.empty();
                long nodes = r.getLong(9);
                if (!r.wasNull()) {
                    rocket = Optional.of(new RocketPoolNodes(nodes, r.getLong(10), r.getLong(11), r.getLong(12)));
                }
                return report.withOperators(lido, rocket);
            }
        }
    }

    private static LidoOperators lido(Connection c, long block, ResultSet r) throws SQLException {
        int operators = r.getInt(1);
        long validators = r.getLong(2);
        Map<Tau, Optional<Integer>> tau = new EnumMap<>(Tau.class);
        Tau[] taus = Tau.values();
        for (int i = 0; i < taus.length; i++) {
            int value = r.getInt(6 + i);
            tau.put(taus[i], r.wasNull() ? Optional.empty() : Optional.of(value));
        }
        List<OperatorShare> largest = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT name, module, active_validators, share "
                + "FROM lido_operator_largest WHERE block_number = ? ORDER BY position")) {
            s.setLong(1, block);
            try (ResultSet p = s.executeQuery()) {
                while (p.next()) {
                    largest.add(new OperatorShare(p.getString(1), p.getString(2), p.getLong(3),
                            p.getBigDecimal(4).setScale(Concentration.SHARE_SCALE)));
                }
            }
        }
        BigInteger total = BigInteger.valueOf(validators);
        Optional<String> first = largest.isEmpty() ? Optional.empty() : Optional.of(largest.get(0).name());
        Measures measures = new Measures(operators, total, total, first,
                r.getBigDecimal(3).setScale(Concentration.SHARE_SCALE),
                r.getBigDecimal(4).setScale(Concentration.SHARE_SCALE),
                r.getBigDecimal(5).setScale(Concentration.HHI_SCALE), Map.copyOf(tau));
        return new LidoOperators(operators, validators, measures, largest);
    }

    private static void setInt(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }
}
