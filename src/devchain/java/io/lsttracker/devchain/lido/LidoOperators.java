package io.lsttracker.devchain.lido;

import io.lsttracker.devchain.ChainWriter;
import io.lsttracker.devchain.SimulatedPool.DailyEvent;
import io.lsttracker.devchain.SimulatedPool.HistoryDay;
import io.lsttracker.domain.NodeOperator;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.datatypes.Address;

/**
 * Lido's staking modules on the devchain, part of {@link SimulatedLido}: the Curated module with 37 operators,
 * SimpleDVT with 30 clusters and the Community Staking Module with 40 operators, at their mainnet addresses. The
 * spread is made up but shaped like mainnet's: three large curated operators near 9,000 active validators, the
 * others between 3,000 and 8,400, one deactivated operator whose validators have all exited, DVT clusters of 120
 * to 480, and CSM operators of 20 to 600 (two of them paid to one reward address, so one entity). Together about
 * 234,000 active validators against the simulated Lido's ~285,000 on the beacon chain: the rest stands for
 * validators not yet reported. Each day three curated operators get 31 deposits, one SimpleDVT cluster 6 and one
 * CSM operator 4 (18:30 UTC), and one curated operator has 12 exits reported (12:20, after the oracle).
 */
final class LidoOperators {
    static final String CURATED = "0x55032650b14df07b85bF18A3a3eC8E0Af2e028d5";
    static final String SIMPLE_DVT = "0xaE7B191A31f627b4eB1d4DaC64eaB9976995b433";
    static final String CSM = "0xdA7dE2ECdDfccC6c3AF10108Db212ACBBf9EA83F";
    static final int CURATED_OPERATORS = 37;
    static final int DVT_CLUSTERS = 30;
    static final int CSM_OPERATORS = 40;
    static final int DAILY_CSM_DEPOSITS = 4;
    /** The deactivated curated operator (the last one). */
    static final int RETIRED = CURATED_OPERATORS - 1;
    static final int DAILY_DEPOSITS = 31;
    static final int DAILY_DVT_DEPOSITS = 6;
    static final int DAILY_EXITS = 12;

    /** What the modules hold, in the order the tracker reads them (curated, SimpleDVT, then CSM; by id). */
    private final List<NodeOperator> operators = new ArrayList<>();

    LidoOperators() {
        for (int i = 0; i < CURATED_OPERATORS; i++) {
            long active = i < 3 ? 9_000 - 150L * i : 3_000 + (i * 1_607L) % 5_400;
            long exited = (i * 389L) % 1_500;
            if (i == RETIRED) {
                active = 0;
                exited = 1_200;
            }
            operators.add(new NodeOperator(NodeOperator.CURATED, i, String.format("Curated operator %02d", i + 1),
                    rewardAddress(0xC0A7ED00L + i), i != RETIRED, active + exited, exited));
        }
        for (int j = 0; j < DVT_CLUSTERS; j++) {
            long exited = j % 7 == 0 ? 5 : 0;
            long active = 120 + (j * 53L) % 360;
            operators.add(new NodeOperator(NodeOperator.SIMPLE_DVT, j, String.format("SimpleDVT cluster %02d", j + 1),
                    rewardAddress(0xD0700000L + j), true, active + exited, exited));
        }
        for (int k = 0; k < CSM_OPERATORS; k++) {
            long exited = k % 9 == 0 ? 2 : 0;
            long active = 20 + (k * 97L) % 580;
            // operators 6 and 7 are paid to the same address: one entity
            long payee = k == 7 ? 6 : k;
            operators.add(new NodeOperator(NodeOperator.COMMUNITY_STAKING, k, "CSM operator " + k,
                    rewardAddress(0xC5000000L + payee), true, active + exited, exited));
        }
    }

    void install(ChainWriter chain) {
        for (NodeOperator op : operators) {
            if (op.permissionless()) {
                chain.call("add Lido operator " + op.name(), CSM, "simAddOperator", new Address(manager(op.id())),
                        new Address(op.rewardAddress()), op.deposited(), op.exited());
            } else {
                chain.call("add Lido operator " + op.name(), registry(op), "simAddOperator", op.name(),
                        new Address(op.rewardAddress()), op.deposited(), op.exited(), op.active() ? 1 : 0);
            }
        }
    }

    List<DailyEvent> day(HistoryDay day) {
        int d = day.index();
        return List.of(
                new DailyEvent(12 * 3600 + 20 * 60, "Lido operator exits",
                        chain -> move(chain, (5 * d + 11) % RETIRED, 0, DAILY_EXITS)),
                new DailyEvent(18 * 3600 + 30 * 60, "Lido operator deposits", chain -> {
                    for (int m = 0; m < 3; m++) {
                        move(chain, (3 * d + m) % RETIRED, DAILY_DEPOSITS, 0);
                    }
                    move(chain, CURATED_OPERATORS + d % DVT_CLUSTERS, DAILY_DVT_DEPOSITS, 0);
                    move(chain, CURATED_OPERATORS + DVT_CLUSTERS + (7 * d) % CSM_OPERATORS, DAILY_CSM_DEPOSITS, 0);
                }));
    }

    private void move(ChainWriter chain, int index, long deposits, long exits) {
        NodeOperator op = operators.get(index);
        NodeOperator moved = new NodeOperator(op.module(), op.id(), op.name(), op.rewardAddress(), op.active(),
                op.deposited() + deposits, op.exited() + exits);
        chain.call("Lido operator " + moved.name() + " validators", registry(moved), "simSetValidators", moved.id(),
                moved.deposited(), moved.exited());
        operators.set(index, moved);
    }

    private static String registry(NodeOperator op) {
        return switch (op.module()) {
            case NodeOperator.CURATED -> CURATED;
            case NodeOperator.SIMPLE_DVT -> SIMPLE_DVT;
            default -> CSM;
        };
    }

    private static String manager(long id) {
        return rewardAddress(0xC5A00000L + id);
    }

    private static String rewardAddress(long n) {
        return "0x" + String.format("%040x", BigInteger.valueOf(n));
    }

    List<NodeOperator> operators() {
        return List.copyOf(operators);
    }
}
