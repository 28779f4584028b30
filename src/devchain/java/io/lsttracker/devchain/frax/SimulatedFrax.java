package io.lsttracker.devchain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Frax on the devchain: sfrxETH at its mainnet address, an xERC4626 vault whose rate rises linearly through
 * weekly rewards cycles. Every day at 10:00 UTC Frax sends the vault the day's validator rewards (frxETH
 * worth {@link Devchain#growth} of its assets over a day); they wait in the vault until the next sync. At
 * 16:00 a deposit (even days, +200 frxETH) or redemption (odd days, -150 sfrxETH) changes the supply but not
 * the rate, and, as sfrxETH's andSync modifier does, first syncs the rewards if the cycle is over (cycles end
 * on multiples of 604,800 s, Thursdays 00:00 UTC), which releases the past week's rewards over the new cycle.
 *
 * <p>sfrxETH's rate cannot fall: xERC4626 only ever adds rewards, and validators' losses are Frax's to bear
 * before frxETH reaches the vault. On the negative day Frax sends no rewards, nor on any day if --apr sets
 * frax at zero or below.
 *
 * <p>The head is near 180,000 frxETH in the vault at about 1.15 frxETH per sfrxETH: round figures of the
 * right order for today's mainnet, not copied ones.
 */
final class SimulatedFrax implements SimulatedPool {
    static final String SFRXETH = "0xac3E018457B222d93114458476f3E3416Abbe38F";
    static final BigInteger HEAD_ASSETS = BigInteger.valueOf(180_000).multiply(Devchain.ETH);
    static final BigDecimal HEAD_RATE = new BigDecimal("1.1500");
    /** sfrxETH's APR has been near 3% through 2025. */
    static final BigDecimal DEFAULT_APR = new BigDecimal("3.00");
    private static final long REWARDS_OFFSET = 10 * 3600;
    private static final long FLOW_OFFSET = 16 * 3600;
    private static final MathContext MC = MathContext.DECIMAL128;

    private final BigDecimal aprPercent;
    private final BigDecimal startRate;
    private FraxModel model;

    SimulatedFrax(DevchainParameters parameters) {
        this.aprPercent = parameters.aprPercent(poolId(), DEFAULT_APR);
        this.startRate = Devchain.startRate(HEAD_RATE, aprPercent, parameters.historyDays());
    }

    @Override
    public String poolId() {
        return "frax";
    }

    @Override
    public Map<String, String> contracts() {
        return Map.of(SFRXETH, "SimFraxSfrxETH");
    }

    /** Mid-cycle at the start: this cycle releases a week's rewards, and the days gone by have sent theirs. */
    @Override
    public void install(ChainWriter chain) {
        long now = chain.headTimestamp();
        long cycleStart = Math.floorDiv(now, FraxModel.CYCLE) * FraxModel.CYCLE;
        BigInteger reward = rewards(HEAD_ASSETS, FraxModel.CYCLE);
        BigInteger waiting = rewards(HEAD_ASSETS, now - cycleStart);
        model = new FraxModel(HEAD_ASSETS, Devchain.divide(HEAD_ASSETS, startRate), reward, waiting, now);
        chain.transact(SFRXETH, SimulatedContracts.encode("simSetState", model.stored(), model.balance(),
                model.lastReward(), model.lastSync(), model.cycleEnd(), model.supply()), "sfrxETH state");
    }

    @Override
    public List<DailyEvent> day(HistoryDay day) {
        List<DailyEvent> events = new ArrayList<>();
        if (!day.negative()) {
            long at = day.midnight() + REWARDS_OFFSET;
            events.add(new DailyEvent(REWARDS_OFFSET, "Frax rewards to sfrxETH", chain -> {
                BigInteger amount = rewards(model.totalAssets(at), Devchain.DAY).max(BigInteger.ZERO);
                model.addRewards(amount);
                chain.transact(SFRXETH, SimulatedContracts.encode("simAddRewards", amount), "sfrxETH rewards");
            }));
        }
        long at = day.midnight() + FLOW_OFFSET;
        events.add(new DailyEvent(FLOW_OFFSET, "sfrxETH deposits and redemptions", chain -> {
            if (model.cycleOver(at)) {
                model.sync(at);
                chain.transact(SFRXETH, SimulatedContracts.encode("simSyncRewards", at), "sfrxETH syncRewards");
            }
            if (day.index() % 2 == 0) {
                BigInteger assets = BigInteger.valueOf(200).multiply(Devchain.ETH);
                BigInteger shares = model.deposit(assets, at);
                chain.transact(SFRXETH, SimulatedContracts.encode("simDeposit", assets, shares), "sfrxETH deposit");
            } else {
                BigInteger shares = BigInteger.valueOf(150).multiply(Devchain.ETH);
                BigInteger assets = model.redeem(shares, at);
                chain.transact(SFRXETH, SimulatedContracts.encode("simRedeem", shares, assets), "sfrxETH redeem");
            }
        }));
        return events;
    }

    /** frxETH rewards on {@code assets} over {@code seconds} at the pool's APR, rounded down. */
    private BigInteger rewards(BigInteger assets, long seconds) {
        return new BigDecimal(assets).multiply(Devchain.growth(aprPercent, seconds), MC)
                .setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
    }

    /** xERC4626 answers depend on the block's time: pricePerShare and totalAssets as of {@code headTimestamp}. */
    @Override
    public Expected expectedAt(long headTimestamp) {
        return new Expected(model.pricePerShare(headTimestamp), model.totalAssets(headTimestamp), model.supply());
    }
}
