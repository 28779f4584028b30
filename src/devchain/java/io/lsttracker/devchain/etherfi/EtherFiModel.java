package io.lsttracker.devchain.etherfi;

import io.lsttracker.devchain.Devchain;
import java.math.BigInteger;

/**
 * ether.fi's LiquidityPool and eETH shares in the simulation, in exact wei, with the contracts' rounding
 * (etherfi-protocol/smart-contracts src/core/LiquidityPool.sol): deposits mint amount x shares / pooled ether
 * before the deposit, rounded down; withdrawals burn shares rounded up; a rebase adds the holders' rewards
 * (or a loss) to the ETH out of the pool, then the protocol fees are deposited as eETH for the fee recipient.
 */
final class EtherFiModel {
    private BigInteger outOfLp;
    private BigInteger inLp;
    private BigInteger shares;

    EtherFiModel(BigInteger outOfLp, BigInteger inLp, BigInteger shares) {
        this.outOfLp = outOfLp;
        this.inLp = inLp;
        this.shares = shares;
    }

    /** Stakers deposit {@code amount} wei into the pool. */
    void deposit(BigInteger amount) {
        mintFor(amount);
        inLp = inLp.add(amount);
    }

    /** Stakers withdraw {@code amount} wei from the pool; shares burned are rounded up. */
    void withdraw(BigInteger amount) {
        BigInteger[] qr = amount.multiply(shares).divideAndRemainder(pooledEther());
        BigInteger burned = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
        inLp = inLp.subtract(amount);
        shares = shares.subtract(burned);
    }

    /** The oracle's rebase: {@code accruedRewards} (negative: a loss) for holders, then {@code protocolFees}. */
    void rebase(BigInteger accruedRewards, BigInteger protocolFees) {
        outOfLp = outOfLp.add(accruedRewards);
        if (protocolFees.signum() > 0) {
            mintFor(protocolFees);
            outOfLp = outOfLp.add(protocolFees);
        }
    }

    private void mintFor(BigInteger amount) {
        BigInteger pooled = pooledEther();
        shares = shares.add(pooled.signum() == 0 ? amount : amount.multiply(shares).divide(pooled));
    }

    BigInteger outOfLp() {
        return outOfLp;
    }

    BigInteger inLp() {
        return inLp;
    }

    /** getTotalPooledEther(), which eETH's totalSupply() also answers. */
    BigInteger pooledEther() {
        return outOfLp.add(inLp);
    }

    BigInteger shares() {
        return shares;
    }

    /** weETH.getRate() = amountForShare(1e18): rounded down, 0 without shares. */
    BigInteger shareRate() {
        return shares.signum() == 0 ? BigInteger.ZERO : Devchain.ETH.multiply(pooledEther()).divide(shares);
    }
}
