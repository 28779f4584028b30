package io.lsttracker.liquidity;

import io.lsttracker.domain.PoolId;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Keys;

/**
 * The market one pool's token is quoted on (config/markets.yml): a Curve pool asked get_dy(sell, buy, dx) for the
 * token sold, in ETH (or WETH) out.
 *
 * @param pool       the pool of pools.yml whose token is sold
 * @param marketId   e.g. "curve-steth-eth"
 * @param venue      what it is, e.g. "Curve stETH/ETH"
 * @param address    the Curve pool's contract
 * @param kind       which get_dy it has
 * @param sellIndex  the token's coin index in the Curve pool (i)
 * @param buyIndex   ETH's or WETH's coin index (j)
 * @param token      the token sold, e.g. "stETH"
 * @param redemption what one whole token redeems for
 * @param source     where the pool's coins and get_dy were checked (repository and file)
 */
public record MarketDefinition(PoolId pool, String marketId, String venue, Address address, Kind kind, int sellIndex,
        int buyIndex, String token, Redemption redemption, String source) {

    /** The address in its EIP-55 checksummed form. */
    public String displayAddress() {
        return Keys.toChecksumAddress(address.toString());
    }

    /** Which get_dy the Curve pool has (abi/CurveStableSwap.json, abi/CurveCryptoSwap.json). */
    public enum Kind {
        /** get_dy(int128,int128,uint256): the old StableSwap pools, the plain factory pools and stableswap-ng. */
        CURVE_INT128("curve-int128"),
        /** get_dy(uint256,uint256,uint256): the crypto (v2) factory pools. */
        CURVE_UINT256("curve-uint256");

        private final String configName;

        Kind(String configName) {
            this.configName = configName;
        }

        public String configName() {
            return configName;
        }
    }

    /** What one whole token redeems for, against which the market's price is a discount or a premium. */
    public enum Redemption {
        /** 1 ETH: stETH rebases so one token stays one ETH; frxETH is 1:1 with ETH by design. */
        ONE_ETH("one-eth"),
        /** The pool's own ETH per token at the block (its snapshot reading). */
        POOL_RATE("pool-rate");

        private final String configName;

        Redemption(String configName) {
            this.configName = configName;
        }

        public String configName() {
            return configName;
        }
    }
}
