package io.lsttracker.liquidity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lsttracker.cli.Commands;
import io.lsttracker.cli.Main;
import io.lsttracker.config.ConfigException;
import io.lsttracker.domain.PoolId;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.pool.PoolRegistryLoader;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.web3j.abi.datatypes.Address;

/** config/markets.yml: the repository's file as the common brief's table gives it, and each bad entry refused. */
class MarketsLoaderTest {
    private static final Path PROJECT = Path.of(System.getenv().getOrDefault("LST_PROJECT_DIR", "."));
    private static final PoolRegistry POOLS = PoolRegistryLoader.load(PROJECT.resolve("config/pools.yml").toString());
    private static final String LIDO = """
            markets:
              lido:
                id: curve-steth-eth
                venue: Curve stETH/ETH
                address: "0xDC24316b9AE028F1497c275EB9192a3Ea0f67022"
                kind: curve-int128
                sell: 1
                buy: 0
                token: stETH
                redemption: one-eth
                source: curvefi/curve-contract contracts/pools/steth/StableSwapSTETH.vy
            """;

    @Test
    void theRepositorysMarketsAreTheEightCurvePoolsInPoolsOrder() {
        Markets markets = MarketsLoader.load(PROJECT.resolve("config/markets.yml").toString(), POOLS);
        assertEquals(List.of("lido", "rocketpool", "coinbase", "binance", "frax", "etherfi", "stader", "ankr"),
                markets.markets().stream().map(m -> m.pool().value()).toList());
        record Row(String id, String address, MarketDefinition.Kind kind, String token,
                MarketDefinition.Redemption redemption) {
        }
        var int128 = MarketDefinition.Kind.CURVE_INT128;
        var uint256 = MarketDefinition.Kind.CURVE_UINT256;
        var oneEth = MarketDefinition.Redemption.ONE_ETH;
        var poolRate = MarketDefinition.Redemption.POOL_RATE;
        Map<String, Row> expected = Map.of(
                "lido", new Row("curve-steth-eth", "0xDC24316b9AE028F1497c275EB9192a3Ea0f67022", int128, "stETH", oneEth),
                "rocketpool", new Row("curve-reth-eth", "0x0f3159811670c117c372428D4E69AC32325e4D0F", uint256, "rETH",
                        poolRate),
                "coinbase", new Row("curve-cbeth-eth", "0x5FAE7E604FC3e24fd43A72867ceBaC94c65b404A", uint256, "cbETH",
                        poolRate),
                "binance", new Row("curve-wbeth-eth", "0xBfAb6FA95E0091ed66058ad493189D2cB29385E6", int128, "wBETH",
                        poolRate),
                "frax", new Row("curve-frxeth-eth", "0xa1F8A6807c402E4A15ef4EBa36528A3FED24E577", int128, "frxETH",
                        oneEth),
                "stader", new Row("curve-ethx-eth", "0x59Ab5a5b5d617E478a2479B0cAD80DA7e2831492", int128, "ETHx",
                        poolRate),
                "ankr", new Row("curve-ankreth-eth", "0xA96A65c051bF88B4095Ee1f2451C2A9d43F53Ae2", int128, "ankrETH",
                        poolRate),
                "etherfi", new Row("curve-weeth-weth", "0xDB74dfDD3BB46bE8Ce6C33dC9D82777BCFc3dEd5", int128, "weETH",
                        poolRate));
        for (MarketDefinition m : markets.markets()) {
            Row row = expected.get(m.pool().value());
            assertEquals(row, new Row(m.marketId(), m.displayAddress(), m.kind(), m.token(), m.redemption()));
            assertEquals(1, m.sellIndex(), m.marketId());
            assertEquals(0, m.buyIndex(), m.marketId());
        }
        assertEquals(List.of(), List.of("mantle", "stakewise", "swell").stream()
                .filter(p -> markets.of(new PoolId(p)).isPresent()).toList(), "no market for mETH, osETH, swETH");
    }

    @Test
    void aMarketIsReadAsWritten() {
        MarketDefinition lido = MarketsLoader.parse("markets.yml", LIDO, POOLS).of(new PoolId("lido")).orElseThrow();
        assertEquals(new MarketDefinition(new PoolId("lido"), "curve-steth-eth", "Curve stETH/ETH",
                new Address("0xDC24316b9AE028F1497c275EB9192a3Ea0f67022"), MarketDefinition.Kind.CURVE_INT128, 1, 0,
                "stETH", MarketDefinition.Redemption.ONE_ETH,
                "curvefi/curve-contract contracts/pools/steth/StableSwapSTETH.vy"), lido);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an unknown pool | lido: | lidoo: | markets.yml:2: markets.lidoo: no pool 'lidoo' in",
        "a mis-checksummed address | 0xDC24316b9AE028F1497c275EB9192a3Ea0f67022 | 0xDc24316b9AE028F1497c275EB9192a3Ea0f67022 "
                + "| markets.yml:5: markets.lido.address: '0xDc24316b9AE028F1497c275EB9192a3Ea0f67022' fails its EIP-55",
        "an unquoted address | \"0xDC24316b9AE028F1497c275EB9192a3Ea0f67022\" | 0xdc24316b9ae028f1497c275eb9192a3ea0f67022 "
                + "| markets.yml:5: markets.lido.address: write the address in quotes",
        "an unknown kind | curve-int128 | curve-int256 "
                + "| markets.yml:6: markets.lido.kind: unknown 'curve-int256' (known: curve-int128, curve-uint256)",
        "an unknown redemption | one-eth | one-steth "
                + "| markets.yml:10: markets.lido.redemption: unknown 'one-steth' (known: one-eth, pool-rate)",
        "the same coin sold and bought | buy: 0 | buy: 1 "
                + "| markets.yml:8: markets.lido.buy: the same coin index as sell (1): a market sells one coin for another",
        "a coin index out of range | sell: 1 | sell: 8 | markets.yml:7: markets.lido.sell: coin index 8 is outside 0..7",
        "a missing token | 'token: stETH' | 'token: ' | markets.yml:9: markets.lido.token: expected a non-empty string",
        "an unknown key | source: | sauce: | markets.yml:11: markets.lido.sauce: unknown key",
    })
    void aBadEntryIsRefusedNamingItsKey(String what, String written, String instead, String message) {
        String yaml = LIDO.replace(written.trim(), instead.trim());
        ConfigException e = assertThrows(ConfigException.class, () -> MarketsLoader.parse("markets.yml", yaml, POOLS),
                what);
        assertEquals(true, e.getMessage().startsWith(message.trim()), e.getMessage());
    }

    @Test
    void aMarketTwiceIsRefused() {
        String twice = LIDO + LIDO.substring("markets:\n".length()).replace("  lido:", "  frax:");
        ConfigException e = assertThrows(ConfigException.class, () -> MarketsLoader.parse("markets.yml", twice, POOLS));
        assertEquals("markets.yml:13: markets.frax.id: 'curve-steth-eth' is also the id of markets.lido",
                e.getMessage());
    }

    @Test
    void theCommandStopsWithExitTwoAndOneLineNamingTheKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("markets.yml");
        Files.writeString(file, LIDO.replace("kind: curve-int128", "kind: uniswap-v3"));
        System.setProperty("tracker.markets-file", file.toString());
        try {
            Commands.Result r = Commands.run("snapshot", "--rpc", "http://127.0.0.1:1");
            assertEquals(Main.EXIT_USAGE, r.exit(), r.err());
            assertEquals("error: " + file + ":6: markets.lido.kind: unknown 'uniswap-v3' (known: curve-int128, "
                    + "curve-uint256)" + System.lineSeparator(), r.err());
        } finally {
            System.clearProperty("tracker.markets-file");
        }
    }

    @Test
    void aBadMarketsFileStopsStartUpNamingTheKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("markets.yml");
        Files.writeString(file, LIDO.replace("sell: 1", "sell: -1"));
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
                .properties(Map.of("tracker.markets-file", file.toString())).build()) {
            BeanInstantiationException e = assertThrows(BeanInstantiationException.class, context::start);
            Throwable cause = e;
            while (!(cause instanceof ConfigException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            assertEquals(file + ":7: markets.lido.sell: coin index -1 is outside 0..7", cause.getMessage());
        }
    }
}
