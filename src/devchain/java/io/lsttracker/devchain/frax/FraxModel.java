package io.lsttracker.devchain.frax;

import io.lsttracker.devchain.Devchain;
import java.math.BigInteger;

/**
 * sfrxETH's xERC4626 accounting in the simulation, in exact wei, as SimFraxSfrxETH keeps it: the stored
 * assets, the current cycle's reward released linearly from the last sync to the cycle's end, and the
 * frxETH that arrived since, which waits for the next sync. totalAssets and pricePerShare depend on the time
 * they are read at, rounded down as xERC4626 and solmate's ERC4626 round them.
 */
final class FraxModel {
    static final long CYCLE = 604_800;

    private BigInteger stored;
    private BigInteger balance;
    private BigInteger lastReward;
    private long lastSync;
    private long cycleEnd;
    private BigInteger supply;

    /** A vault synced at the start of the cycle that holds {@code at}, releasing {@code reward} over it. */
    FraxModel(BigInteger stored, BigInteger supply, BigInteger reward, BigInteger waiting, long at) {
        this.stored = stored;
        this.supply = supply;
        this.lastReward = reward;
        this.lastSync = Math.floorDiv(at, CYCLE) * CYCLE;
        this.cycleEnd = lastSync + CYCLE;
        this.balance = stored.add(reward).add(waiting);
    }

    BigInteger totalAssets(long timestamp) {
        if (timestamp >= cycleEnd) {
            return stored.add(lastReward);
        }
        BigInteger unlocked = lastReward.multiply(BigInteger.valueOf(timestamp - lastSync))
                .divide(BigInteger.valueOf(cycleEnd - lastSync));
        return stored.add(unlocked);
    }

    /** convertToAssets(1e18) at {@code timestamp}. */
    BigInteger pricePerShare(long timestamp) {
        return supply.signum() == 0 ? Devchain.ETH : Devchain.ETH.multiply(totalAssets(timestamp)).divide(supply);
    }

    boolean cycleOver(long timestamp) {
        return timestamp >= cycleEnd;
    }

    /** syncRewards at {@code timestamp}; returns the reward of the new cycle. */
    BigInteger sync(long timestamp) {
        if (!cycleOver(timestamp)) {
            throw new IllegalStateException("sync before the cycle's end");
        }
        BigInteger next = balance.subtract(stored).subtract(lastReward);
        stored = stored.add(lastReward);
        lastReward = next;
        lastSync = timestamp;
        cycleEnd = (timestamp + CYCLE) / CYCLE * CYCLE;
        return next;
    }

    void addRewards(BigInteger amount) {
        balance = balance.add(amount);
    }

    /** deposit(assets) at {@code timestamp}: the shares previewDeposit gives, rounded down. */
    BigInteger deposit(BigInteger assets, long timestamp) {
        BigInteger shares = assets.multiply(supply).divide(totalAssets(timestamp));
        stored = stored.add(assets);
        balance = balance.add(assets);
        supply = supply.add(shares);
        return shares;
    }

    /** redeem(shares) at {@code timestamp}: the assets previewRedeem gives, rounded down. */
    BigInteger redeem(BigInteger shares, long timestamp) {
        BigInteger assets = shares.multiply(totalAssets(timestamp)).divide(supply);
        stored = stored.subtract(assets);
        balance = balance.subtract(assets);
        supply = supply.subtract(shares);
        return assets;
    }

    BigInteger stored() {
        return stored;
    }

    BigInteger balance() {
        return balance;
    }

    BigInteger lastReward() {
        return lastReward;
    }

    long lastSync() {
        return lastSync;
    }

    long cycleEnd() {
        return cycleEnd;
    }

    BigInteger supply() {
        return supply;
    }
}
