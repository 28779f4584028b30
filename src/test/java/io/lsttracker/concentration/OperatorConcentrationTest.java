package io.lsttracker.concentration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.domain.Tau;
import io.lsttracker.concentration.LidoOperators.OperatorShare;
import io.lsttracker.domain.NodeOperator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperatorConcentrationTest {
    private static final String R1 = "0x00000000000000000000000000000000000000a1";
    private static final String R2 = "0x00000000000000000000000000000000000000a2";
    private static final String R3 = "0x00000000000000000000000000000000000000a3";
    private static final String R4 = "0x00000000000000000000000000000000000000a4";

    @Test
    void handComputedCase() {
        List<NodeOperator> ops = List.of(
                new NodeOperator(NodeOperator.CURATED, 0, "Alpha", R1, true, 400, 100),   // 300 active
                new NodeOperator(NodeOperator.CURATED, 1, "Beta", R2, true, 300, 0),      // 300
                new NodeOperator(NodeOperator.CURATED, 2, "Alpha 2", "0x00000000000000000000000000000000000000A1",
                        true, 100, 0),                                                      // 100, Alpha's payee
                new NodeOperator(NodeOperator.CURATED, 3, "Gone", R3, false, 50, 50),      // 0: not counted
                new NodeOperator(NodeOperator.SIMPLE_DVT, 0, "Cluster D", R1, true, 210, 10), // 200, other module
                new NodeOperator(NodeOperator.SIMPLE_DVT, 1, "Cluster E", R4, true, 100, 0)); // 100
        LidoOperators lido = OperatorConcentration.of(ops).orElseThrow();
        // Entities: Alpha 300 + 100 = 400 (same module, same reward address), Beta 300, Cluster D 200 (SimpleDVT is
        // never merged with a curated operator), Cluster E 100; Gone has no active validator. Total 1,000.
        assertEquals(4, lido.operators());
        assertEquals(1_000, lido.activeValidators());
        // HHI = 10,000 x (400^2 + 300^2 + 200^2 + 100^2) / 1,000^2 = 10,000 x 300,000 / 1,000,000 = 3,000
        assertEquals(new BigDecimal("3000.000000"), lido.measures().hhi());
        // tau 1/3: 400 > 333.3 -> 1; 1/2: 400 is not > 500, 400 + 300 = 700 is -> 2; 2/3: 700 > 666.7 -> 2
        assertEquals(Optional.of(1), lido.measures().tau(Tau.THIRD));
        assertEquals(Optional.of(2), lido.measures().tau(Tau.HALF));
        assertEquals(Optional.of(2), lido.measures().tau(Tau.TWO_THIRDS));
        assertEquals(List.of(
                new OperatorShare("Alpha", "curated", 400, new BigDecimal("0.400000000000000000")),
                new OperatorShare("Beta", "curated", 300, new BigDecimal("0.300000000000000000")),
                new OperatorShare("Cluster D", "simple-dvt", 200, new BigDecimal("0.200000000000000000")),
                new OperatorShare("Cluster E", "simple-dvt", 100, new BigDecimal("0.100000000000000000"))),
                lido.largest());
    }

    @Test
    void thePermissionlessShareIsTheCommunityStakingModulesActiveValidatorsOverLidosAll() {
        List<NodeOperator> ops = List.of(
                new NodeOperator(NodeOperator.CURATED, 0, "Alpha", R1, true, 700, 100),             // 600 active
                new NodeOperator(NodeOperator.SIMPLE_DVT, 0, "Cluster", R2, true, 250, 0),          // 250
                new NodeOperator(NodeOperator.COMMUNITY_STAKING, 0, "CSM operator 0", R3, true, 100, 4), // 96
                new NodeOperator(NodeOperator.COMMUNITY_STAKING, 1, "CSM operator 1", R3, true, 54, 0)); // 54, same payee
        LidoOperators lido = OperatorConcentration.of(ops).orElseThrow();
        // total 600 + 250 + 96 + 54 = 1,000; permissionless 96 + 54 = 150; share 150 / 1,000 = 0.15
        assertEquals(1_000, lido.activeValidators());
        assertEquals(Long.valueOf(150), lido.permissionlessValidators());
        assertEquals(Optional.of(new BigDecimal("0.150000000000000000")), lido.permissionlessShare());
        // the two CSM operators share a payee inside one module: one entity of 150
        assertEquals(3, lido.operators());

        LidoOperators withoutCsm = OperatorConcentration.of(ops.subList(0, 2)).orElseThrow();
        assertEquals(null, withoutCsm.permissionlessValidators(), "not measured, never 0");
        assertEquals(Optional.empty(), withoutCsm.permissionlessShare());
    }

    @Test
    void onlyTheTenLargestAreListedButAllAreCounted() {
        List<NodeOperator> ops = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // 1, 2, ..., 12 active validators: total 78
            ops.add(new NodeOperator(NodeOperator.CURATED, i, "Op " + i, "0x" + String.format("%040x", i + 1), true,
                    i + 1, 0));
        }
        LidoOperators lido = OperatorConcentration.of(ops).orElseThrow();
        assertEquals(12, lido.operators());
        assertEquals(78, lido.activeValidators());
        assertEquals(10, lido.largest().size());
        assertEquals("Op 11", lido.largest().get(0).name());
        assertEquals("Op 2", lido.largest().get(9).name());
        // 12 / 78 = 0.153846153846153846|15... rounded half-even at 18 decimals
        assertEquals(new BigDecimal("0.153846153846153846"), lido.largest().get(0).share());
    }

    @Test
    void noOperatorsIsNoFigures() {
        assertTrue(OperatorConcentration.of(List.of()).isEmpty());
    }
}
