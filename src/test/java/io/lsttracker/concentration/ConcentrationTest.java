package io.lsttracker.concentration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.concentration.Concentration.Measures;
import io.lsttracker.concentration.Concentration.Stake;
import io.lsttracker.domain.Tau;
import io.lsttracker.beacon.TotalStaked;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.domain.Wei;
import java.time.Instant;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConcentrationTest {

    private static Stake eth(String entity, long ether) {
        return new Stake(entity, BigInteger.valueOf(ether).multiply(Wei.ONE_ETHER));
    }

    private static final List<Stake> FOUR = List.of(eth("b", 30), eth("a", 50), eth("d", 5), eth("c", 15));

    @Test
    void amongThemselves() {
        // a 50, b 30, c 15, d 5 of 100 ETH: shares 0.50, 0.30, 0.15, 0.05.
        // HHI = 50^2 + 30^2 + 15^2 + 5^2 = 2500 + 900 + 225 + 25 = 3650.
        // tau 1/3: a alone is 50 > 33.3 -> 1. tau 1/2: a is 50, not MORE than 50 -> a + b = 80 -> 2.
        // tau 2/3: 80 > 66.7 -> 2. Top 3: 50 + 30 + 15 = 95 -> 0.95.
        Measures m = Concentration.among(FOUR);
        assertEquals(4, m.entities());
        assertEquals(Optional.of("a"), m.largest());
        assertEquals(new BigDecimal("0.500000000000000000"), m.largestShare());
        assertEquals(new BigDecimal("0.950000000000000000"), m.top3Share());
        assertEquals(new BigDecimal("3650.000000"), m.hhi());
        assertEquals(Optional.of(1), m.tau(Tau.THIRD));
        assertEquals(Optional.of(2), m.tau(Tau.HALF));
        assertEquals(Optional.of(2), m.tau(Tau.TWO_THIRDS));
    }

    @Test
    void asPartsOfALargerTotal() {
        // The same 100 ETH of 400 ETH staked: shares 0.125, 0.075, 0.0375, 0.0125.
        // HHI = 10000 x (2500 + 900 + 225 + 25) / 400^2 = 36,500,000 / 160,000 = 228.125.
        // Top 3 = 95 / 400 = 0.2375. All four together are 100 / 400 = 1/4: no tau-index is reached.
        Measures m = Concentration.of(FOUR, BigInteger.valueOf(400).multiply(Wei.ONE_ETHER));
        assertEquals(new BigDecimal("0.125000000000000000"), m.largestShare());
        assertEquals(new BigDecimal("0.237500000000000000"), m.top3Share());
        assertEquals(new BigDecimal("228.125000"), m.hhi());
        for (Tau t : Tau.values()) {
            assertEquals(Optional.empty(), m.tau(t), t.label());
        }
    }

    @Test
    void aShareExactlyAtAThresholdDoesNotExceedIt() {
        // x 2, y 1 of 3: x alone is 2/3, which exceeds 1/3 and 1/2 but not 2/3; x + y = 3/3 exceeds 2/3.
        // Shares round half-even at 18 decimals: 2/3 = 0.666...6667. HHI = 10000 x (4 + 1) / 9 = 5555.555556.
        Measures m = Concentration.among(List.of(new Stake("y", BigInteger.ONE), new Stake("x", BigInteger.TWO)));
        assertEquals(Optional.of(1), m.tau(Tau.THIRD));
        assertEquals(Optional.of(1), m.tau(Tau.HALF));
        assertEquals(Optional.of(2), m.tau(Tau.TWO_THIRDS));
        assertEquals(new BigDecimal("0.666666666666666667"), m.largestShare());
        assertEquals(new BigDecimal("1.000000000000000000"), m.top3Share());
        assertEquals(new BigDecimal("5555.555556"), m.hhi());
    }

    @Test
    void oneWeiAboveAThirdIsEnough() {
        // 1 wei over a third of 3e18 + 0: 1e18 + 1 of 3e18 -> tau 1/3 = 1; the rest (2e18 - 1) is one other entity.
        BigInteger third = Wei.ONE_ETHER.add(BigInteger.ONE);
        Measures m = Concentration.among(List.of(new Stake("big", third),
                new Stake("rest", Wei.ONE_ETHER.multiply(BigInteger.TWO).subtract(BigInteger.ONE))));
        assertEquals(Optional.of(1), m.tau(Tau.THIRD));
        assertEquals(Optional.of("rest"), m.largest());
    }

    @Test
    void tiesKeepInputOrderAndZeroStakesAreNotEntities() {
        Measures m = Concentration.among(List.of(eth("x", 10), eth("y", 10), eth("z", 0)));
        assertEquals(2, m.entities());
        assertEquals(Optional.of("x"), m.largest());
        assertEquals(new BigDecimal("5000.000000"), m.hhi()); // 50^2 + 50^2
        assertEquals(Optional.of(2), m.tau(Tau.HALF)); // x alone is exactly one half
    }

    @Test
    void nothingStaked() {
        Measures m = Concentration.among(List.of());
        assertEquals(0, m.entities());
        assertEquals(Optional.empty(), m.largest());
        assertEquals(0, m.hhi().signum());
        assertEquals(0, m.largestShare().signum());
        assertEquals(Optional.empty(), m.tau(Tau.THIRD));
    }

    @Test
    void aDenominatorBelowTheEntitiesIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Concentration.of(FOUR, BigInteger.valueOf(99).multiply(Wei.ONE_ETHER)));
        assertTrue(e.getMessage().contains("less than"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> eth("neg", -1));
    }

    @Test
    void aBeaconTotalAboveAllTheEthThereIsIsRefusedWithAReason() {
        Snapshot snapshot = new Snapshot(1, new BlockRef(5, "0x" + "aa".repeat(32), Instant.parse("2026-11-01T00:00:00Z")),
                List.of(PoolState.ok(new PoolId("lido"), Wei.ONE_ETHER, Wei.ONE_ETHER.multiply(BigInteger.TEN),
                        Wei.ONE_ETHER.multiply(BigInteger.TEN))));
        // 12 billion ETH: a hundred times the supply.
        BigInteger twelveBillion = BigInteger.valueOf(12_000_000_000L).multiply(Wei.ONE_ETHER);
        ConcentrationReport report = SnapshotConcentration.of(snapshot,
                Optional.of(new TotalStaked(99, twelveBillion, 3)), null);
        assertEquals(Optional.empty(), report.staked());
        assertEquals(Optional.of("the beacon node's total staked at slot 99, 12000000000 ETH, is more than ETH's whole "
                + "supply (bound 150000000 ETH); not used"), report.stakedAbsent());
        assertEquals(Optional.empty(), report.pools().get(0).shareOfStaked());
        // At the bound itself the total is used: 10 of 150,000,000 ETH = 0.000000066666666667 (18 decimals, half-even).
        ConcentrationReport atBound = SnapshotConcentration.of(snapshot,
                Optional.of(new TotalStaked(99, BigInteger.valueOf(150_000_000L).multiply(Wei.ONE_ETHER), 3)), null);
        assertEquals(Optional.of(new BigDecimal("0.000000066666666667")), atBound.pools().get(0).shareOfStaked());
    }
}
