package io.lsttracker.liquidity;

import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.PoolId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * What the API, the gauges and the alerts show of one pool's liquidity at one snapshot's block: the market's
 * quotes with their discount against the redemption rate, and what the pool exposes of its exits. Derived from the
 * raw answers of the snapshot's multicall by {@code LiquidityMath} (docs/LIQUIDITY.md gives every formula).
 *
 * @param pool   the pool
 * @param block  the snapshot's block
 * @param market the market reading; empty when no market is configured for the pool
 * @param exit   what the pool's own contracts say of exits; empty when the pool exposes nothing
 */
public record LiquidityFigures(PoolId pool, BlockRef block, Optional<Market> market, Optional<Exit> exit) {

    /**
     * One market's quotes at the block.
     *
     * @param marketId         the market's id in config/markets.yml, e.g. "curve-steth-eth"
     * @param venue            what it is, e.g. "Curve stETH/ETH"
     * @param address          the contract quoted (checksummed)
     * @param token            the token sold, e.g. "stETH"
     * @param failure          why the market could not be quoted (a revert, no liquidity); empty when quoted. When
     *                         present, {@link #quotes} is empty and the pool's other figures are unaffected
     * @param redemptionWei    wei one whole token redeems for at the block: 1e18 for the rebasing stETH and eETH,
     *                         else the pool's ethPerToken
     * @param quotes           the quotes at the reported sizes (1, 100, 10,000 tokens), smallest first
     * @param depthTokens      the 1% depth: the largest size of the ladder (1, 2, 5 x 10^k whole tokens) whose
     *                         sale still gets at least 99% of what selling 1 token gets per token; empty when even
     *                         the ladder's second size falls below that
     * @param depthBelowTokens the next ladder size above {@link #depthTokens}, where the sale gets less than 99%;
     *                         empty when the whole ladder stays within 1%
     */
    public record Market(String marketId, String venue, String address, String token, Optional<String> failure,
            BigInteger redemptionWei, List<Quote> quotes, Optional<BigInteger> depthTokens,
            Optional<BigInteger> depthBelowTokens) {
        public Market {
            quotes = List.copyOf(quotes);
        }

        public boolean ok() {
            return failure.isEmpty();
        }

        /** The quote for selling one whole token, when quoted. */
        public Optional<Quote> oneToken() {
            return quotes.stream().filter(q -> q.sizeTokens().equals(BigInteger.ONE)).findFirst();
        }
    }

    /**
     * Selling {@code sizeTokens} whole tokens on the market.
     *
     * @param sizeTokens  whole tokens sold (x 1e18 base units)
     * @param ethOutWei   wei the market's own view function returns for them
     * @param discountBps (ethOut / (size x redemption) - 1) x 10,000, scale 2, rounded half-even; negative is a
     *                    discount, positive a premium
     */
    public record Quote(BigInteger sizeTokens, BigInteger ethOutWei, BigDecimal discountBps) {
    }

    /**
     * What the pool's own contracts expose of exits at the block (each figure empty where the pool has none).
     *
     * @param failure            why the exit contracts could not be read; empty when read
     * @param liquidEthWei       ETH available right now to redeem the token without waiting: Rocket Pool's
     *                           rETH contract balance plus the deposit pool's excess (RocketTokenRETH
     *                           getTotalCollateral), ether.fi's liquidity pool ETH (totalValueInLp)
     * @param queue              Lido's withdrawal queue; empty for the other pools
     */
    public record Exit(Optional<String> failure, Optional<BigInteger> liquidEthWei, Optional<WithdrawalQueue> queue) {
    }

    /**
     * Lido's WithdrawalQueueERC721 at the block.
     *
     * @param unfinalizedWei        stETH waiting to be finalized (unfinalizedStETH())
     * @param unfinalizedRequests   getLastRequestId() - getLastFinalizedRequestId()
     * @param oldestUnfinalizedAgeSeconds  block timestamp minus the timestamp of request lastFinalized + 1
     *                              (getWithdrawalStatus); empty when nothing is unfinalized
     */
    public record WithdrawalQueue(BigInteger unfinalizedWei, long unfinalizedRequests,
            Optional<Long> oldestUnfinalizedAgeSeconds) {
    }

    /**
     * The beacon chain's exit queue at a slot (the same reading as the total staked, at most one an epoch).
     *
     * @param slot               the slot read
     * @param exitingValidators  validators that are active_exiting or active_slashed (exit epoch set, not reached)
     * @param exitingWei         their effective balances, gwei x 1e9
     * @param churnWeiPerEpoch   Electra's get_activation_exit_churn_limit: min(256 ETH, max(128 ETH, total active
     *                           effective balance / 65,536)), rounded down to whole ETH
     * @param waitDays           exitingWei / (churn x 225 epochs a day), scale 2, rounded half-even
     */
    public record BeaconExitQueue(long slot, BlockRef block, long exitingValidators, BigInteger exitingWei,
            BigInteger churnWeiPerEpoch, BigDecimal waitDays) {
    }
}
