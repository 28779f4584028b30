package io.lsttracker.devchain.frax;

import io.lsttracker.devchain.AccruingPool;
import io.lsttracker.devchain.ChainWriter;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.DevchainParameters;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Frax on the devchain: sfrxETH at its mainnet address, an xERC4626 vault whose rate rises linearly through
 * weekly rewards cycles ({@link FraxModel}). Every day at 10:00 UTC Frax sends the vault the day's validator
 * rewards (frxETH worth a day's growth of its assets); they wait in the vault until the next sync. At 16:00 a
 * deposit (even days, +200 frxETH) or redemption (odd days, -150 sfrxETH) changes the supply but not the rate,
 * and, as sfrxETH's andSync modifier does, first syncs the rewards if the cycle is over (cycles end on
 * multiples of 604,800 s, Thursdays 00:00 UTC), which releases the past week's rewards over the new cycle.
 *
 * <p>sfrxETH's rate cannot fall: xERC4626 only ever adds rewards, and validators' losses are Frax's to bear
 * before frxETH reaches the vault. On the negative day Frax sends no rewards, nor on any day if --apr sets
 * frax at zero or below.
 *
 * <p>The head is near 180,000 frxETH in the vault at about 1.15 frxETH per sfrxETH: round figures of the
 * right order for today's mainnet, not copied ones.
 */
public final class SimulatedFrax extends AccruingPool {
    public static final String SFRXETH = "0xac3E018457B222d93114458476f3E3416Abbe38F";
    static final BigInteger HEAD_ASSETS = ether(180_000);
    static final BigDecimal HEAD_RATE = new BigDecimal("1.1500");
    /** sfrxETH's APR has been near 3% through 2025. */
    static final BigDecimal DEFAULT_APR = new BigDecimal("3.00");
    private static final long REWARDS_OFFSET = 10 * 3600;
    private static final long FLOW_OFFSET = 16 * 3600;

    private FraxModel model;

    public SimulatedFrax(DevchainParameters parameters) {
        super("frax", DEFAULT_APR, parameters, Map.of(SFRXETH, "SimFraxSfrxETH"));
    }

    /** Mid-cycle at the start: this cycle releases a week's rewards, and the days gone by have sent theirs. */
    @Override
    public void install(ChainWriter chain) {
        long now = chain.headTimestamp();
        long cycleStart = Math.floorDiv(now, FraxModel.CYCLE) * FraxModel.CYCLE;
        BigInteger reward = rewards(HEAD_ASSETS, FraxModel.CYCLE);
        BigInteger waiting = rewards(HEAD_ASSETS, now - cycleStart);
        model = new FraxModel(HEAD_ASSETS, divide(HEAD_ASSETS, startRate(HEAD_RATE)), reward, waiting, now);
        chain.call("sfrxETH state", SFRXETH, "simSetState", model.stored(), model.balance(), model.lastReward(),
                model.lastSync(), model.cycleEnd(), model.supply());
    }

    @Override
    public List<DailyEvent> day(HistoryDay day) {
        List<DailyEvent> events = new ArrayList<>();
        if (!day.negative()) {
            long at = day.midnight() + REWARDS_OFFSET;
            events.add(new DailyEvent(REWARDS_OFFSET, "Frax rewards to sfrxETH", chain -> {
                BigInteger amount = rewards(model.totalAssets(at), Devchain.DAY).max(BigInteger.ZERO);
                model.addRewards(amount);
                chain.call("sfrxETH rewards", SFRXETH, "simAddRewards", amount);
            }));
        }
        long at = day.midnight() + FLOW_OFFSET;
        events.add(flow(day, FLOW_OFFSET, "sfrxETH deposits and redemptions", 200, 150, (chain, assets) -> {
            syncIfCycleOver(chain, at);
            chain.call("sfrxETH deposit", SFRXETH, "simDeposit", assets, model.deposit(assets, at));
        }, (chain, shares) -> {
            syncIfCycleOver(chain, at);
            chain.call("sfrxETH redeem", SFRXETH, "simRedeem", shares, model.redeem(shares, at));
        }));
        return events;
    }

    /** As sfrxETH's andSync modifier does before a deposit or redemption. */
    private void syncIfCycleOver(ChainWriter chain, long at) {
        if (model.cycleOver(at)) {
            model.sync(at);
            chain.call("sfrxETH syncRewards", SFRXETH, "simSyncRewards", at);
        }
    }

    /** frxETH rewards on {@code assets} over {@code seconds} at the pool's APR, rounded down. */
    private BigInteger rewards(BigInteger assets, long seconds) {
        return times(assets, growth(seconds));
    }

    /** xERC4626 answers depend on the block's time: pricePerShare and totalAssets as of {@code headTimestamp}. */
    @Override
    public Expected expectedAt(long headTimestamp) {
        return new Expected(model.pricePerShare(headTimestamp), model.totalAssets(headTimestamp), model.supply());
    }
}
