package io.lsttracker.liquidity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.lsttracker.config.Addresses;
import io.lsttracker.config.ConfigException;
import io.lsttracker.config.ConfigFile;
import io.lsttracker.domain.PoolId;
import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.PoolRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.web3j.abi.datatypes.Address;

/**
 * Reads config/markets.yml into {@link MarketDefinition}s, refusing what it cannot use with one line naming the
 * file, the line and the key: a pool pools.yml does not have, a malformed or mis-checksummed address, an unknown
 * kind or redemption, a coin index out of range or the same index sold and bought, a market id or address twice.
 *
 * <pre>
 * markets:
 *   lido:                          # a pool id of pools.yml
 *     id: curve-steth-eth
 *     venue: Curve stETH/ETH
 *     address: "0xDC24316b9AE028F1497c275EB9192a3Ea0f67022"
 *     kind: curve-int128           # curve-int128 | curve-uint256
 *     sell: 1                      # the token's coin index (i)
 *     buy: 0                       # ETH's or WETH's coin index (j)
 *     token: stETH
 *     redemption: one-eth          # one-eth | pool-rate
 *     source: curvefi/curve-contract contracts/pools/steth/StableSwapSTETH.vy
 * </pre>
 */
public final class MarketsLoader {
    static final String PACKAGED = "config/markets.yml";
    /** Curve pools hold at most 8 coins (MAX_COINS in the factories and stableswap-ng). */
    static final int MAX_COIN_INDEX = 7;

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record MarketsFile(Map<String, MarketEntry> markets) {
    }

    private record MarketEntry(String id, String venue, Object address, String kind, Integer sell, Integer buy,
            String token, String redemption, String source) {
    }

    private MarketsLoader() {
    }

    /** The markets from {@code explicitFile} if given; else ./config/markets.yml; else the packaged copy. */
    public static Markets load(String explicitFile, PoolRegistry pools) {
        return markets(ConfigFile.load(explicitFile, PACKAGED, "market list", "LST_MARKETS_FILE", MarketsFile.class),
                pools);
    }

    public static Markets parse(String source, String yaml, PoolRegistry pools) {
        return markets(ConfigFile.parse(source, yaml, MarketsFile.class), pools);
    }

    private static Markets markets(ConfigFile<MarketsFile> file, PoolRegistry pools) {
        Map<String, MarketEntry> written = file.content().markets() == null ? Map.of() : file.content().markets();
        Map<PoolId, MarketDefinition> byPool = new HashMap<>();
        Map<String, String> ids = new HashMap<>();
        Map<Address, String> addresses = new HashMap<>();
        for (Map.Entry<String, MarketEntry> entry : written.entrySet()) {
            MarketDefinition market = market(file, pools, entry.getKey(), entry.getValue());
            String key = "markets." + entry.getKey();
            String otherId = ids.putIfAbsent(market.marketId(), key);
            if (otherId != null) {
                throw file.error(key + ".id", "'" + market.marketId() + "' is also the id of " + otherId);
            }
            String otherAddress = addresses.putIfAbsent(market.address(), key);
            if (otherAddress != null) {
                throw file.error(key + ".address", market.displayAddress() + " is also the address of " + otherAddress);
            }
            byPool.put(market.pool(), market);
        }
        // pools.yml order, as every other per-pool list
        List<MarketDefinition> ordered = new ArrayList<>();
        for (PoolDefinition pool : pools.pools()) {
            Optional.ofNullable(byPool.get(pool.id())).ifPresent(ordered::add);
        }
        return new Markets(file.source(), ordered);
    }

    private static MarketDefinition market(ConfigFile<?> file, PoolRegistry pools, String poolText, MarketEntry given) {
        String key = "markets." + poolText;
        MarketEntry entry = file.required(key, given, "a mapping");
        PoolId pool;
        try {
            pool = new PoolId(poolText);
        } catch (IllegalArgumentException e) {
            throw file.error(key, e.getMessage());
        }
        if (pools.find(pool).isEmpty()) {
            throw file.error(key, "no pool '" + poolText + "' in " + pools.source() + " (its pools: "
                    + pools.pools().stream().map(p -> p.id().value()).collect(Collectors.joining(", ")) + ")");
        }
        String id = file.text(key + ".id", entry.id());
        String venue = file.text(key + ".venue", entry.venue());
        Address address;
        try {
            address = Addresses.parse(file.required(key + ".address", entry.address(), "an address"));
        } catch (ConfigException e) {
            throw file.error(key + ".address", e.getMessage());
        }
        MarketDefinition.Kind kind = named(file, key + ".kind", entry.kind(), MarketDefinition.Kind.values(),
                MarketDefinition.Kind::configName);
        int sell = index(file, key + ".sell", entry.sell());
        int buy = index(file, key + ".buy", entry.buy());
        if (sell == buy) {
            throw file.error(key + ".buy", "the same coin index as sell (" + sell + "): a market sells one coin for another");
        }
        String token = file.text(key + ".token", entry.token());
        MarketDefinition.Redemption redemption = named(file, key + ".redemption", entry.redemption(),
                MarketDefinition.Redemption.values(), MarketDefinition.Redemption::configName);
        String source = file.text(key + ".source", entry.source());
        return new MarketDefinition(pool, id, venue, address, kind, sell, buy, token, redemption, source);
    }

    private static int index(ConfigFile<?> file, String key, Integer written) {
        int index = file.required(key, written, "a coin index 0.." + MAX_COIN_INDEX);
        if (index < 0 || index > MAX_COIN_INDEX) {
            throw file.error(key, "coin index " + index + " is outside 0.." + MAX_COIN_INDEX);
        }
        return index;
    }

    private static <E> E named(ConfigFile<?> file, String key, String written, E[] values, Function<E, String> name) {
        String text = file.text(key, written);
        return Arrays.stream(values).filter(v -> name.apply(v).equals(text)).findFirst()
                .orElseThrow(() -> file.error(key, "unknown '" + text + "' (known: "
                        + Arrays.stream(values).map(name).collect(Collectors.joining(", ")) + ")"));
    }
}
