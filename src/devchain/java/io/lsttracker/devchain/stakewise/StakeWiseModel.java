package io.lsttracker.devchain.stakewise;

import java.math.BigInteger;

/**
 * StakeWise's OsTokenVaultController in the simulation, in exact wei, with the contract's own arithmetic
 * (stakewise/v3-core contracts/tokens/OsTokenVaultController.sol): between checkpoints the profit
 * avgRewardPerSecond x totalAssets x elapsed / 1e18 accrues in the view functions, less the treasury's fee of
 * feePercent / 10,000; a checkpoint (updateState) books the profit and mints the fee as shares at the rate net
 * of the fee. All divisions round down, as the contract's mulDiv does. Every operation takes the timestamp
 * of the block it happens in, since the contract reads block.timestamp.
 */
final class StakeWiseModel {
    static final BigInteger WAD = BigInteger.TEN.pow(18);
    static final BigInteger MAX_FEE_PERCENT = BigInteger.valueOf(10_000);

    private final BigInteger feePercent;
    private BigInteger totalShares;
    private BigInteger totalAssets;
    private BigInteger avgRewardPerSecond = BigInteger.ZERO;
    private long lastUpdateTimestamp;

    StakeWiseModel(BigInteger totalShares, BigInteger totalAssets, BigInteger feePercent, long timestamp) {
        this.totalShares = totalShares;
        this.totalAssets = totalAssets;
        this.feePercent = feePercent;
        this.lastUpdateTimestamp = timestamp;
    }

    /** The Keeper's rewards update at {@code timestamp}: a checkpoint, then the new per-second reward. */
    void setAvgRewardPerSecond(long timestamp, BigInteger value) {
        updateState(timestamp);
        avgRewardPerSecond = value;
    }

    /** A vault mints {@code shares} osETH at {@code timestamp}; returns the assets booked. */
    BigInteger mint(long timestamp, BigInteger shares) {
        updateState(timestamp);
        BigInteger assets = convertToAssets(timestamp, shares);
        totalShares = totalShares.add(shares);
        totalAssets = totalAssets.add(assets);
        return assets;
    }

    /** A vault burns {@code shares} osETH at {@code timestamp}; returns the assets released. */
    BigInteger burn(long timestamp, BigInteger shares) {
        updateState(timestamp);
        BigInteger assets = convertToAssets(timestamp, shares);
        totalShares = totalShares.subtract(shares);
        totalAssets = totalAssets.subtract(assets);
        return assets;
    }

    void updateState(long timestamp) {
        BigInteger profit = unclaimedAssets(timestamp);
        lastUpdateTimestamp = timestamp;
        if (profit.signum() == 0) {
            return;
        }
        BigInteger newTotalAssets = totalAssets.add(profit);
        BigInteger treasuryAssets = treasuryAssets(profit);
        if (treasuryAssets.signum() > 0) {
            totalShares = totalShares.add(totalShares.signum() == 0 ? treasuryAssets
                    : treasuryAssets.multiply(totalShares).divide(newTotalAssets.subtract(treasuryAssets)));
        }
        totalAssets = newTotalAssets;
    }

    /** totalAssets() as the controller answers it in a block at {@code timestamp}. */
    BigInteger totalAssets(long timestamp) {
        BigInteger profit = unclaimedAssets(timestamp);
        return totalAssets.add(profit).subtract(treasuryAssets(profit));
    }

    /** convertToAssets(shares) as the controller answers it in a block at {@code timestamp}. */
    BigInteger convertToAssets(long timestamp, BigInteger shares) {
        return totalShares.signum() == 0 ? shares : shares.multiply(totalAssets(timestamp)).divide(totalShares);
    }

    /** The controller's totalShares(), which is also osToken's totalSupply(): only the controller mints. */
    BigInteger totalShares() {
        return totalShares;
    }

    BigInteger avgRewardPerSecond() {
        return avgRewardPerSecond;
    }

    private BigInteger unclaimedAssets(long timestamp) {
        long elapsed = timestamp - lastUpdateTimestamp;
        if (elapsed < 0) {
            throw new IllegalArgumentException("timestamp " + timestamp + " is before the last checkpoint "
                    + lastUpdateTimestamp);
        }
        return avgRewardPerSecond.multiply(totalAssets).multiply(BigInteger.valueOf(elapsed)).divide(WAD);
    }

    private BigInteger treasuryAssets(BigInteger profit) {
        return profit.multiply(feePercent).divide(MAX_FEE_PERCENT);
    }
}
