package io.lsttracker.devchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.RpcConnection;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/** The devchain is real JSON-RPC with mainnet-shaped history: chain id 1, daily report events, a head at now. */
class DevchainHistoryTest {
    static final String TOKEN_REBASED = "0xff08c3ef606d198e316ef5b822193c489965899eb4e3c248cea1a4626c3eda50";
    static final String BALANCES_UPDATED = "0xdd27295717c4fbd48b1840f846e18be6f0b7bd6b55608e697e53b15848cecdf9";

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
    void isChainOneWithAHeadAtTheCurrentTime() throws Exception {
        assertEquals(BigInteger.ONE, rpc.web3j().ethChainId().send().getChainId());
        long head = rpc.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send()
                .getBlock().getTimestamp().longValueExact();
        assertTrue(Math.abs(head - Instant.now().getEpochSecond()) < 300, "head at " + Instant.ofEpochSecond(head));
        assertEquals(devchain.headTimestamp(), head);
    }

    @Test
    void lidoEmitsOneTokenRebasedPerReportWithTheReportedFigures() throws Exception {
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
    void rocketPoolEmitsBalancesUpdatedPerReport() throws Exception {
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
}
