package io.lsttracker.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The text form of each pool's details: the names, order and decimal strings the API serves and pool_state.details
 * stores (taken from a devchain snapshot before the details were typed), and reading them back.
 */
class PoolDetailsTest {
    static final LidoDetails LIDO = new LidoDetails(new BigInteger("7619363688914670386388809"),
            BigInteger.valueOf(285_811), BigInteger.valueOf(285_795), new BigInteger("9145453157080200973275782"));
    static final RocketPoolDetails ROCKETPOOL = new RocketPoolDetails(new BigInteger("526894215469282766046539"),
            new BigInteger("554918140535377734778680"), BigInteger.valueOf(843), Optional.of(
                    new RocketPoolDetails.NodeCounts(BigInteger.valueOf(4072), BigInteger.valueOf(35_390),
                            BigInteger.valueOf(28_400), BigInteger.valueOf(28_170))));
    static final StakeWiseDetails STAKEWISE = new StakeWiseDetails(new BigInteger("170302097828345474110020"),
            BigInteger.valueOf(867_846_938));
    static final EtherFiDetails ETHERFI = new EtherFiDetails(new BigInteger("2410946536000398456367861"),
            new BigInteger("1900000000000000000000000"));
    static final SwellDetails SWELL = new SwellDetails(new BigInteger("404500000000000000000000"));
    static final AnkrDetails ANKR = new AnkrDetails(new BigInteger("833498074713801746"));

    @Test
    void eachPoolsFiguresKeepTheirNamesOrderAndDecimals() {
        assertInOrder(figures("totalShares", "7619363.688914670386388809", "depositedValidators", "285811",
                "beaconValidators", "285795", "beaconBalance", "9145453.157080200973275782"), LIDO.figures());
        assertInOrder(figures("reportedRethSupply", "526894.215469282766046539", "stakingEth",
                "554918.140535377734778680", "balancesBlock", "843", "nodeOperators", "4072", "minipools", "35390",
                "activeMinipools", "28400", "stakingMinipools", "28170"), ROCKETPOOL.figures());
        assertInOrder(figures("controllerTotalShares", "170302.097828345474110020", "avgRewardPerSecond", "867846938"),
                STAKEWISE.figures());
        assertInOrder(figures("totalShares", "2410946.536000398456367861", "weethSupply", "1900000.000000000000000000"),
                ETHERFI.figures());
        assertInOrder(figures("totalETHDeposited", "404500.000000000000000000"), SWELL.figures());
        assertInOrder(figures("ratio", "0.833498074713801746"), ANKR.figures());
        assertInOrder(Map.of(), PoolDetails.NONE.figures());
    }

    @Test
    void anAmountKeepsAll18DecimalsEvenWhenTheyAreZerosOrItIsBelowOneWei() {
        assertEquals("0.000000000000000001", new AnkrDetails(BigInteger.ONE).figures().get("ratio"));
        assertEquals("0.000000000000000000", new AnkrDetails(BigInteger.ZERO).figures().get("ratio"));
    }

    @Test
    void eachPoolsFiguresReadBackAsTheSameRecord() {
        for (PoolDetails details : List.of(LIDO, ROCKETPOOL, STAKEWISE, ETHERFI, SWELL, ANKR, PoolDetails.NONE)) {
            assertEquals(details, PoolDetails.fromFigures(details.figures()), details.toString());
        }
    }

    @Test
    void rocketPoolDetailsStoredBeforeTheNodeCountsReadBackWithoutThemAndWriteTheSameNames() {
        Map<String, String> stored = figures("reportedRethSupply", "526894.215469282766046539", "stakingEth",
                "554918.140535377734778680", "balancesBlock", "843");
        PoolDetails read = PoolDetails.fromFigures(stored);
        assertEquals(new RocketPoolDetails(ROCKETPOOL.reportedRethSupply(), ROCKETPOOL.stakingEth(),
                ROCKETPOOL.balancesBlock(), Optional.empty()), read);
        assertInOrder(stored, read.figures());
    }

    @Test
    void namesOfNoPoolAreRefusedNamingThem() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> PoolDetails.fromFigures(figures("totalShares", "1.0", "somethingElse", "2")));
        assertEquals("details [totalShares, somethingElse] are no pool's details", unknown.getMessage());
        // Lido's names but one: no record reads a part of its figures
        assertThrows(IllegalArgumentException.class, () -> PoolDetails.fromFigures(figures("totalShares", "1",
                "depositedValidators", "2", "beaconValidators", "3")));
        // some of Rocket Pool's node counts but not all
        assertThrows(IllegalArgumentException.class, () -> PoolDetails.fromFigures(figures("reportedRethSupply", "1",
                "stakingEth", "2", "balancesBlock", "3", "nodeOperators", "4")));
    }

    @Test
    void aFigureThatIsNotADecimalOfItsKindIsRefusedNamingIt() {
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
                () -> PoolDetails.fromFigures(figures("ratio", "one")));
        assertEquals("details figure ratio = \"one\" is not a decimal", text.getMessage());
        IllegalArgumentException fraction = assertThrows(IllegalArgumentException.class,
                () -> PoolDetails.fromFigures(figures("controllerTotalShares", "1", "avgRewardPerSecond", "1.5")));
        assertEquals("details figure avgRewardPerSecond = \"1.5\" is not an integer", fraction.getMessage());
        IllegalArgumentException belowWei = assertThrows(IllegalArgumentException.class,
                () -> PoolDetails.fromFigures(figures("ratio", "0.0000000000000000001")));
        assertTrue(belowWei.getMessage().contains("is not an amount with at most 18 decimals"), belowWei.getMessage());
    }

    /** Same names, values and order (Map.equals ignores the order, which the API and the store keep). */
    private static void assertInOrder(Map<String, String> expected, Map<String, String> actual) {
        assertEquals(List.copyOf(expected.entrySet()), List.copyOf(actual.entrySet()));
    }

    private static Map<String, String> figures(String... namesAndValues) {
        Map<String, String> figures = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            figures.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return figures;
    }
}
