package io.lsttracker.devchain.swell;

import io.lsttracker.devchain.Devchain;
import java.math.BigInteger;

/**
 * swETH's state in the simulation, in exact wei, with the arithmetic of swETH.sol (and of
 * src/devchain/contracts/swell/SimSwellSwETH.sol): a reprice mints the fee as swETH, so that
 * rate = reserves / (supply + fee swETH), every product and quotient of 1e18-scaled figures rounded down.
 * For reserves E x S (the supply at the old rate E) plus rewards R, the new rate is (E S + R (1 - fee)) / S:
 * the holders' net growth is R (1 - fee) / (E S).
 */
final class SwellModel {
    private static final BigInteger ETH = Devchain.ETH;
    /** Swell's reward split: 5% to node operators and 5% to the treasury (approximate, 1e18 = 100%). */
    static final BigInteger NODE_OPERATOR_PERCENTAGE = ETH.divide(BigInteger.valueOf(20));
    static final BigInteger TREASURY_PERCENTAGE = ETH.divide(BigInteger.valueOf(20));
    static final BigInteger FEE = NODE_OPERATOR_PERCENTAGE.add(TREASURY_PERCENTAGE);

    private BigInteger rateFixed = BigInteger.ZERO;
    private BigInteger reserves = BigInteger.ZERO;
    private BigInteger supply;
    private BigInteger deposited;

    SwellModel(BigInteger supply, BigInteger deposited) {
        this.supply = supply;
        this.deposited = deposited;
    }

    /** swETHToETHRate(): 1:1 until the first reprice. */
    BigInteger rate() {
        return rateFixed.signum() == 0 ? ETH : rateFixed;
    }

    /** A deposit mints ethAmount x 1e18 / rate swETH, rounded down. */
    void deposit(BigInteger ethAmount) {
        supply = supply.add(ethAmount.multiply(ETH).divide(rate()));
        deposited = deposited.add(ethAmount);
    }

    void burn(BigInteger swETH) {
        supply = supply.subtract(swETH);
    }

    /** The ETH behind the live supply at the current rate, rounded down: the next reprice's starting reserves. */
    BigInteger reservesAtCurrentRate() {
        return supply.multiply(rate()).divide(ETH);
    }

    /** swETH.reprice(preRewardETHReserves, newETHRewards, supply) with the live supply. */
    void reprice(BigInteger preRewardReserves, BigInteger newRewards) {
        BigInteger totalReserves = preRewardReserves.add(newRewards);
        BigInteger rewardsInEth = newRewards.multiply(FEE).divide(ETH);
        BigInteger rewardsInSwEth = supply.multiply(rewardsInEth).divide(ETH).multiply(ETH)
                .divide(totalReserves.subtract(rewardsInEth));
        rateFixed = totalReserves.multiply(ETH).divide(supply.add(rewardsInSwEth));
        supply = supply.add(rewardsInSwEth);
        reserves = totalReserves;
    }

    BigInteger reserves() {
        return reserves;
    }

    BigInteger supply() {
        return supply;
    }

    BigInteger deposited() {
        return deposited;
    }
}
