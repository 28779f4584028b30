package io.lsttracker.devchain.markets;

import java.math.BigInteger;

/**
 * One Curve market of a liquid staking token as the devchain places it: the pool's mainnet address and the
 * simulation's parameters (the market table of docs/LIQUIDITY.md: market id, pool id, address, get_dy kind).
 *
 * @param marketId     the market's id in config/markets.yml
 * @param poolId       the pool of config/pools.yml whose token the market sells
 * @param address      the Curve pool's mainnet address
 * @param uint256Index get_dy(uint256,uint256,uint256) (Curve's crypto pools) rather than get_dy(int128,int128,uint256)
 * @param coin0        ETH's placeholder or WETH, as the real pool holds
 * @param token        coin 1: the token's mainnet address
 * @param amplification A as A() answers it
 * @param fee          the swap fee in 1e10 units
 * @param ethPerSide   the balance of each side at rest, in ETH terms
 * @param rateOracle   the contract that answers the token's rate (null: the token redeems 1:1)
 * @param rateMethod   its function, e.g. "getExchangeRate()"
 * @param rateInverted the oracle answers tokens per ETH (ankrETH's ratio()), not ETH per token
 */
public record SimulatedMarket(String marketId, String poolId, String address, boolean uint256Index, String coin0,
        String token, long amplification, long fee, BigInteger ethPerSide, String rateOracle, String rateMethod,
        boolean rateInverted) {

    /** Curve's placeholder for native ETH among a pool's coins. */
    public static final String ETH = "0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE";
    public static final String WETH = "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2";

    /** The contract's name in artifacts.json: the get_dy signature decides it. */
    public String contractName() {
        return uint256Index ? "SimCurveStableSwapUint256" : "SimCurveStableSwapInt128";
    }

    /** The token redeems for one ETH (stETH, frxETH), so the pool needs no rate. */
    public boolean redeemsOneEth() {
        return rateOracle == null;
    }
}
