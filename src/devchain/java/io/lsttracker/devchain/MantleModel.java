package io.lsttracker.devchain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Mantle's Staking accounting in the simulation, in exact wei: the ETH it controls (unallocated, and the
 * validator balance of the oracle's latest record) and mETH's supply. Stakes mint ethToMETH(eth) =
 * eth x supply / totalControlled, rounded down (the exchange adjustment rate taken as zero), and claimed
 * unstake requests pay mETHToETH(mETH), rounded down, so the rate only moves at oracle records.
 */
final class MantleModel {
    private static final BigInteger ETH = BigInteger.TEN.pow(18);
    private static final MathContext MC = MathContext.DECIMAL128;

    private BigInteger unallocated;
    private BigInteger validatorBalance;
    private BigInteger supply;

    MantleModel(BigInteger unallocated, BigInteger validatorBalance, BigInteger supply) {
        this.unallocated = unallocated;
        this.validatorBalance = validatorBalance;
        this.supply = supply;
    }

    BigInteger totalControlled() {
        return unallocated.add(validatorBalance);
    }

    /** mETHToETH(1e18): 1:1 while no mETH exists, else mulDiv rounded down. */
    BigInteger ethPerMeth() {
        return supply.signum() == 0 ? ETH : ETH.multiply(totalControlled()).divide(supply);
    }

    /** A stake of {@code eth}; returns the mETH minted. */
    BigInteger stake(BigInteger eth) {
        BigInteger minted = supply.signum() == 0 ? eth : eth.multiply(supply).divide(totalControlled());
        unallocated = unallocated.add(eth);
        supply = supply.add(minted);
        return minted;
    }

    /** A claimed unstake request of {@code meth}: burns it and pays its ETH value out of the unallocated ETH. */
    BigInteger unstake(BigInteger meth) {
        BigInteger eth = meth.multiply(totalControlled()).divide(supply);
        unallocated = unallocated.subtract(eth);
        supply = supply.subtract(meth);
        return eth;
    }

    /** An oracle record whose validator balance changes the ETH controlled by {@code growth} (negative: a loss). */
    void record(BigDecimal growth) {
        BigInteger change = new BigDecimal(totalControlled()).multiply(growth, MC)
                .setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
        validatorBalance = validatorBalance.add(change);
    }

    BigInteger unallocated() {
        return unallocated;
    }

    BigInteger validatorBalance() {
        return validatorBalance;
    }

    BigInteger supply() {
        return supply;
    }
}
