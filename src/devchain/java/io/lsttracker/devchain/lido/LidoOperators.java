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
 * Lido's node operator registries on the devchain, part of {@link SimulatedLido}: the Curated module with 37
 * operators and SimpleDVT with 30 clusters, at their mainnet addresses. The spread is made up but shaped like
 * mainnet's: three large curated operators near 9,000 active validators, the others between 3,000 and 8,400,
 * one deactivated operator whose validators have all exited, and DVT clusters of 120 to 480. Together about
 * 230,000 active validators against the simulated Lido's ~285,000 on the beacon chain: the rest stands for
 * modules not simulated (the Community Staking Module). Each day three curated operators get 31 deposits and
 * one SimpleDVT cluster 6 (18:30 UTC), and one curated operator has 12 exits reported (12:20, after the oracle).
 */
final class LidoOperators {
    static final String CURATED = "0x55032650b14df07b85bF18A3a3eC8E0Af2e028d5";
    static final String SIMPLE_DVT = "0xaE7B191A31f627b4eB1d4DaC64eaB9976995b433";
    static final int CURATED_OPERATORS = 37;
    static final int DVT_CLUSTERS = 30;
    /** The deactivated curated operator (the last one). */
    static final int RETIRED = CURATED_OPERATORS - 1;
    static final int DAILY_DEPOSITS = 31;
    static final int DAILY_DVT_DEPOSITS = 6;
    static final int DAILY_EXITS = 12;

    /** What the registries hold, in the order the tracker reads them (curated, then SimpleDVT; by id). */
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
    }

    void install(ChainWriter chain) {
        for (NodeOperator op : operators) {
            chain.call("add Lido operator " + op.name(), registry(op), "simAddOperator", op.name(),
                    new Address(op.rewardAddress()), op.deposited(), op.exited(), op.active() ? 1 : 0);
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
        return op.module().equals(NodeOperator.CURATED) ? CURATED : SIMPLE_DVT;
    }

    private static String rewardAddress(long n) {
        return "0x" + String.format("%040x", BigInteger.valueOf(n));
    }

    List<NodeOperator> operators() {
        return List.copyOf(operators);
    }
}
