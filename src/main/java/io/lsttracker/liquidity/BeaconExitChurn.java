package io.lsttracker.liquidity;

import io.lsttracker.beacon.TotalStaked;
import io.lsttracker.domain.BlockRef;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * How fast the beacon chain's exit queue drains, and so how long a validator joining it now waits: the consensus
 * specs' Electra churn (ethereum/consensus-specs, specs/electra/beacon-chain.md @
 * 015d72704fea321e95bb74631e34be17e1104e86, get_balance_churn_limit and get_activation_exit_churn_limit):
 *
 * <pre>
 *   balance churn = max(MIN_PER_EPOCH_CHURN_LIMIT_ELECTRA, total active balance // CHURN_LIMIT_QUOTIENT),
 *                   minus its remainder mod EFFECTIVE_BALANCE_INCREMENT
 *   exit churn    = min(MAX_PER_EPOCH_ACTIVATION_EXIT_CHURN_LIMIT, balance churn)
 * </pre>
 *
 * with MIN_PER_EPOCH_CHURN_LIMIT_ELECTRA = 128 ETH and MAX_PER_EPOCH_ACTIVATION_EXIT_CHURN_LIMIT = 256 ETH (that
 * file's Configuration, validator cycle), CHURN_LIMIT_QUOTIENT = 2^16 = 65,536 and EFFECTIVE_BALANCE_INCREMENT =
 * 1 ETH (specs/phase0/beacon-chain.md, configuration and preset). The total active balance is the sum of the active
 * validators' effective balances (get_total_active_balance). The specs divide gwei; dividing wei gives the same
 * whole ETH, as nested floor divisions by positive integers compose.
 *
 * <p>The wait is the queue divided by what an epoch lets through, 225 epochs a day (86,400 s / (12 s x 32 slots)):
 * an estimate, as the churn moves with the total and the exit epochs already assigned are not read.
 */
public final class BeaconExitChurn {
    static final BigInteger ETHER = BigInteger.TEN.pow(18);
    static final BigInteger MIN_PER_EPOCH_CHURN_WEI = BigInteger.valueOf(128).multiply(ETHER);
    static final BigInteger MAX_PER_EPOCH_EXIT_CHURN_WEI = BigInteger.valueOf(256).multiply(ETHER);
    static final BigInteger CHURN_LIMIT_QUOTIENT = BigInteger.valueOf(65_536);
    /** 86,400 seconds a day over 12-second slots, 32 slots an epoch. */
    static final BigInteger EPOCHS_PER_DAY = BigInteger.valueOf(225);
    /** waitDays' scale: hundredths of a day (about 15 minutes, two epochs). */
    public static final int WAIT_DAYS_SCALE = 2;

    private BeaconExitChurn() {
    }

    /** The exit churn per epoch for {@code activeEffectiveWei} of total active effective balance, whole ETH in wei. */
    public static BigInteger churnWeiPerEpoch(BigInteger activeEffectiveWei) {
        if (activeEffectiveWei.signum() < 0) {
            throw new IllegalArgumentException("total active balance " + activeEffectiveWei + " wei is negative");
        }
        BigInteger balanceChurn = MIN_PER_EPOCH_CHURN_WEI.max(activeEffectiveWei.divide(CHURN_LIMIT_QUOTIENT));
        balanceChurn = balanceChurn.subtract(balanceChurn.mod(ETHER));
        return MAX_PER_EPOCH_EXIT_CHURN_WEI.min(balanceChurn);
    }

    /** Days for {@code exitingWei} to pass at {@code churnWeiPerEpoch}: scale 2, rounded half-even. */
    public static BigDecimal waitDays(BigInteger exitingWei, BigInteger churnWeiPerEpoch) {
        if (exitingWei.signum() < 0 || churnWeiPerEpoch.signum() <= 0) {
            throw new IllegalArgumentException("an exit queue of " + exitingWei + " wei at a churn of "
                    + churnWeiPerEpoch + " wei an epoch has no wait");
        }
        return new BigDecimal(exitingWei).divide(new BigDecimal(churnWeiPerEpoch.multiply(EPOCHS_PER_DAY)),
                WAIT_DAYS_SCALE, RoundingMode.HALF_EVEN);
    }

    /** The exit queue of a total staked that was read with it, stored with the snapshot at {@code block}. */
    public static LiquidityFigures.BeaconExitQueue of(BlockRef block, long slot, TotalStaked.ExitQueue queue) {
        BigInteger churn = churnWeiPerEpoch(queue.activeEffectiveWei());
        return new LiquidityFigures.BeaconExitQueue(slot, block, queue.exitingValidators(), queue.exitingWei(), churn,
                waitDays(queue.exitingWei(), churn));
    }
}
