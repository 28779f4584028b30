package io.lsttracker.devchain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.RpcConnection;
import io.lsttracker.domain.Wei;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * One devchain shared by the end-to-end tests of a test run (they only read from it): anvil on a free port
 * with {@link #HISTORY_DAYS} days of history and no interval mining, so the head stays put while tests read.
 * With it, one JSON-RPC connection and what the devchain's own tests read through it. Both are stopped by the
 * shutdown hook of the JVM.
 */
public final class TestDevchain {
    public static final int HISTORY_DAYS = 12;
    private static Devchain shared;
    private static RpcConnection rpc;

    private TestDevchain() {
    }

    public static synchronized Devchain shared() {
        if (shared == null) {
            DevchainParameters parameters = DevchainParameters.defaults(HISTORY_DAYS).withBlockTime(0);
            Devchain devchain = Devchain.start(AnvilProcess.freePort(), parameters);
            RpcConnection connection = RpcConnection.open(devchain.url(), Duration.ofSeconds(10));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                connection.close();
                devchain.close();
            }));
            shared = devchain;
            rpc = connection;
        }
        return shared;
    }

    /** A JSON-RPC connection to the shared devchain. */
    static synchronized RpcConnection rpc() {
        shared();
        return rpc;
    }

    /** Every log of {@code address} whose first topic is {@code topic}, over the whole history. */
    static List<Log> logs(String address, String topic) {
        EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, address);
        filter.addSingleTopic(topic);
        try {
            return rpc().web3j().ethGetLogs(filter).send().getLogs().stream()
                    .map(result -> (Log) ((EthLog.LogObject) result)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A log's data as its 32-byte words, unsigned. */
    static List<BigInteger> words(String hex) {
        String digits = Numeric.cleanHexPrefix(hex);
        return IntStream.range(0, digits.length() / 64)
                .mapToObj(i -> new BigInteger(digits.substring(i * 64, i * 64 + 64), 16)).toList();
    }

    /** {@code wei} is strictly between {@code low} and {@code high} whole ETH. */
    static void assertBetween(BigInteger wei, String low, String high) {
        BigDecimal value = Wei.toEther(wei);
        assertTrue(value.compareTo(new BigDecimal(low)) > 0 && value.compareTo(new BigDecimal(high)) < 0,
                value + " not in (" + low + ", " + high + ")");
    }

    /**
     * A tracker's context on {@code devchain} and the H2 database at {@code jdbcUrl}, as `demo` sets it up: its RPC,
     * its beacon node, and the first blocks of the logs the entity feature reads (the devchain's own deployment blocks,
     * not mainnet's), with {@code extra} settings over them.
     */
    public static io.micronaut.context.ApplicationContext trackerContext(Devchain devchain, String jdbcUrl,
            java.util.Map<String, Object> extra) {
        java.util.Map<String, Object> properties = new java.util.HashMap<>();
        properties.put("tracker.chain.rpc-url", devchain.url());
        properties.put("tracker.beacon.url", devchain.beaconUrl());
        for (String log : new String[] {"deposit", "vaults", "etherfi", "frax"}) {
            properties.put("tracker.entities." + log + "-first-block", devchain.depositContractFirstBlock());
        }
        properties.put("datasources.default.url", jdbcUrl);
        properties.put("datasources.default.username", "sa");
        properties.putAll(extra);
        return io.micronaut.context.ApplicationContext.builder().properties(properties).deduceEnvironment(false)
                .start();
    }
}
