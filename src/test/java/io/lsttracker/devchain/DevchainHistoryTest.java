package io.lsttracker.devchain;

import static io.lsttracker.devchain.TestDevchain.assertBetween;
import static io.lsttracker.devchain.TestDevchain.logs;
import static io.lsttracker.devchain.TestDevchain.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.devchain.frax.SimulatedFrax;
import io.lsttracker.devchain.lido.SimulatedLido;
import io.lsttracker.devchain.rocketpool.SimulatedRocketPool;
import io.lsttracker.devchain.stader.SimulatedStader;
import io.lsttracker.domain.Wei;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * The devchain is real JSON-RPC with mainnet-shaped history: chain id 1, a head at now, daily report events that
 * carry the simulated figures, heads like today's mainnet, and rewards that arrive the way each protocol pays them.
 */
class DevchainHistoryTest {
    static final String TOKEN_REBASED = "0xff08c3ef606d198e316ef5b822193c489965899eb4e3c248cea1a4626c3eda50";
    static final String BALANCES_UPDATED = "0xdd27295717c4fbd48b1840f846e18be6f0b7bd6b55608e697e53b15848cecdf9";
    /** keccak256("NewRewardsCycle(uint32,uint256)"), xERC4626. */
    static final String NEW_REWARDS_CYCLE = "0x2fa39aac60d1c94cda4ab0e86ae9c0ffab5b926e5b827a4ccba1d9b5b2ef596e";
    /** keccak256("ExchangeRateUpdated(uint256,uint256,uint256,uint256)"), StaderOracle. */
    static final String EXCHANGE_RATE_UPDATED = "0xf525f19964f35afcb9a475680bb27abecbc5e62b4d6d4f66a81a5bd7e8a107e3";

    private static Devchain devchain;

    @BeforeAll
    static void start() {
        devchain = TestDevchain.shared();
    }

    @Test
    void isChainOneWithAHeadAtTheCurrentTime() throws Exception {
        assertEquals(BigInteger.ONE, TestDevchain.rpc().web3j().ethChainId().send().getChainId());
        long head = TestDevchain.rpc().web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send()
                .getBlock().getTimestamp().longValueExact();
        assertTrue(Math.abs(head - Instant.now().getEpochSecond()) < 300, "head at " + Instant.ofEpochSecond(head));
        assertEquals(devchain.headTimestamp(), head);
    }

    @Test
    void lidoEmitsOneTokenRebasedPerReportWithTheReportedFigures() {
        List<Log> logs = logs(SimulatedLido.STETH, TOKEN_REBASED);
        List<Devchain.LidoReport> reports = devchain.lidoReports();
        assertEquals(reports.size(), logs.size());
        // about one report a day, less the missed one
        assertTrue(reports.size() >= TestDevchain.HISTORY_DAYS - 2, "reports: " + reports.size());
        for (int i = 0; i < logs.size(); i++) {
            Log log = logs.get(i);
            Devchain.LidoReport report = reports.get(i);
            assertEquals(BigInteger.valueOf(report.reportTimestamp()), Numeric.toBigInt(log.getTopics().get(1)));
            List<BigInteger> data = words(log.getData());
            assertEquals(List.of(BigInteger.valueOf(report.timeElapsed()), report.preTotalShares(),
                    report.preTotalEther(), report.postTotalShares(), report.postTotalEther(),
                    report.sharesMintedAsFees()), data);
        }
    }

    @Test
    void historyHoldsANegativeRebaseAndATwoDayReport() {
        List<Devchain.LidoReport> reports = devchain.lidoReports();
        long negatives = reports.stream().filter(r -> r.postTotalEther().multiply(r.preTotalShares())
                .compareTo(r.preTotalEther().multiply(r.postTotalShares())) < 0).count();
        assertEquals(1, negatives, "exactly one report lowers the share rate");
        assertEquals(1, reports.stream().filter(r -> r.timeElapsed() == 2 * Devchain.DAY).count());
        assertTrue(reports.stream().filter(r -> r.timeElapsed() != 2 * Devchain.DAY)
                .allMatch(r -> r.timeElapsed() == Devchain.DAY));
    }

    @Test
    void rocketPoolEmitsBalancesUpdatedPerReport() {
        List<Log> logs = logs(SimulatedRocketPool.NETWORK_BALANCES, BALANCES_UPDATED);
        List<Devchain.RocketPoolReport> reports = devchain.rocketPoolReports();
        assertEquals(reports.size(), logs.size());
        Devchain.RocketPoolReport last = reports.get(reports.size() - 1);
        Log lastLog = logs.get(logs.size() - 1);
        assertEquals(BigInteger.valueOf(last.block()), Numeric.toBigInt(lastLog.getTopics().get(1)));
        List<BigInteger> data = words(lastLog.getData());
        assertEquals(BigInteger.valueOf(last.slotTimestamp()), data.get(0));
        assertEquals(last.totalEth(), data.get(1));
        assertEquals(last.rethSupply(), data.get(3));
        assertEquals(lastLog.getBlockNumber().longValueExact() - 1, last.block(),
                "a report names the block before the one it is mined in");
    }

    @Test
    void fraxMantleAndStaderHeadsLookLikeTodaysMainnet() {
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
        long head = TestDevchain.rpc().web3j().ethBlockNumber().send().getBlockNumber().longValueExact();
        BigInteger early = pricePerShare(synced + 1);
        BigInteger late = pricePerShare(head);
        assertTrue(late.compareTo(early) > 0, early + " then " + late);
    }

    @Test
    void staderReportsCarryTheFiguresTheRateIsComputedFrom() {
        List<Log> reports = logs(SimulatedStader.ORACLE, EXCHANGE_RATE_UPDATED);
        assertTrue(reports.size() >= TestDevchain.HISTORY_DAYS - 1, "about one report a day: " + reports.size());
        List<BigInteger> last = words(reports.get(reports.size() - 1).getData());
        SimulatedPool.Expected stader = devchain.expected("stader");
        assertEquals(stader.totalEth(), last.get(1));
        // the rate divides by the ETHx supply of the report, not by the live one
        assertEquals(last.get(1).multiply(Wei.ONE_ETHER).divide(last.get(2)), stader.ethPerToken());
    }

    private static BigInteger pricePerShare(long block) throws Exception {
        Transaction call = Transaction.createEthCallTransaction(null, SimulatedFrax.SFRXETH, "0x99530b06");
        String answer = TestDevchain.rpc().web3j().ethCall(call, DefaultBlockParameter.valueOf(BigInteger.valueOf(block)))
                .send().getValue();
        return Numeric.toBigInt(answer);
    }
}
