package io.lsttracker.devchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.RpcConnection;
import io.lsttracker.domain.Wei;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/** Frax, Mantle and Stader on the devchain: the heads look like mainnet, and rewards arrive the way each protocol pays them. */
class DevchainRewardsTest {
    /** keccak256("NewRewardsCycle(uint32,uint256)"), xERC4626. */
    static final String NEW_REWARDS_CYCLE = "0x2fa39aac60d1c94cda4ab0e86ae9c0ffab5b926e5b827a4ccba1d9b5b2ef596e";
    /** keccak256("ExchangeRateUpdated(uint256,uint256,uint256,uint256)"), StaderOracle. */
    static final String EXCHANGE_RATE_UPDATED = "0xf525f19964f35afcb9a475680bb27abecbc5e62b4d6d4f66a81a5bd7e8a107e3";

    private static Devchain devchain;
    private static RpcConnection rpc;

    @BeforeAll
    static void start() {
        devchain = TestDevchain.shared();
        rpc = RpcConnection.open(devchain.url(), Duration.ofSeconds(10));
    }

    @AfterAll
    static void close() {
        rpc.close();
    }

    @Test
    void theHeadsLookLikeTodaysMainnet() {
        // sfrxETH ~180k frxETH at ~1.15, mETH ~450k ETH at ~1.07, ETHx ~120k ETH at ~1.08 (orders of magnitude)
        assertBetween(devchain.expected("frax").totalEth(), "170000", "190000");
        assertBetween(devchain.expected("frax").ethPerToken(), "1.13", "1.17");
        assertBetween(devchain.expected("mantle").totalEth(), "440000", "460000");
        assertBetween(devchain.expected("mantle").ethPerToken(), "1.05", "1.09");
        assertBetween(devchain.expected("stader").totalEth(), "115000", "125000");
        assertBetween(devchain.expected("stader").ethPerToken(), "1.06", "1.10");
    }

    @Test
    void sfrxEthStartsAWeeklyCycleAndItsRateRisesBetweenBlocks() throws Exception {
        List<Log> cycles = logs(SimulatedFrax.SFRXETH, NEW_REWARDS_CYCLE);
        assertTrue(!cycles.isEmpty(), "12 days hold at least one cycle end");
        for (Log cycle : cycles) {
            long end = Numeric.toBigInt(cycle.getTopics().get(1)).longValueExact();
            assertEquals(0, end % 604_800, "cycle ends fall on multiples of the cycle length");
        }
        // Mid-cycle the rate moves with every block, with no report in between: two blocks after the
        // last sync read two different, rising rates.
        long synced = cycles.get(cycles.size() - 1).getBlockNumber().longValueExact();
        long head = rpc.web3j().ethBlockNumber().send().getBlockNumber().longValueExact();
        BigInteger early = pricePerShare(synced + 1);
        BigInteger late = pricePerShare(head);
        assertTrue(late.compareTo(early) > 0, early + " then " + late);
    }

    @Test
    void staderReportsCarryTheFiguresTheRateIsComputedFrom() throws Exception {
        List<Log> reports = logs(SimulatedStader.ORACLE, EXCHANGE_RATE_UPDATED);
        assertTrue(reports.size() >= TestDevchain.HISTORY_DAYS - 1, "about one report a day: " + reports.size());
        List<BigInteger> last = words(reports.get(reports.size() - 1).getData());
        SimulatedPool.Expected stader = devchain.expected("stader");
        assertEquals(stader.totalEth(), last.get(1));
        // the rate divides by the ETHx supply of the report, not by the live one
        assertEquals(last.get(1).multiply(Wei.ONE_ETHER).divide(last.get(2)), stader.ethPerToken());
    }

    private static BigInteger pricePerShare(long block) throws Exception {
        String answer = rpc.web3j().ethCall(Transaction.createEthCallTransaction(null, SimulatedFrax.SFRXETH,
                "0x99530b06"), DefaultBlockParameter.valueOf(BigInteger.valueOf(block))).send().getValue();
        return Numeric.toBigInt(answer);
    }

    private static List<Log> logs(String address, String topic) throws Exception {
        EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, address);
        filter.addSingleTopic(topic);
        return rpc.web3j().ethGetLogs(filter).send().getLogs().stream()
                .map(result -> (Log) ((EthLog.LogObject) result)).toList();
    }

    private static List<BigInteger> words(String hex) {
        String digits = Numeric.cleanHexPrefix(hex);
        return java.util.stream.IntStream.range(0, digits.length() / 64)
                .mapToObj(i -> new BigInteger(digits.substring(i * 64, i * 64 + 64), 16)).toList();
    }

    private static void assertBetween(BigInteger wei, String low, String high) {
        BigDecimal value = Wei.toEther(wei);
        assertTrue(value.compareTo(new BigDecimal(low)) > 0 && value.compareTo(new BigDecimal(high)) < 0,
                value + " not in (" + low + ", " + high + ")");
    }
}
