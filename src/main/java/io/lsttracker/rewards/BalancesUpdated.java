package io.lsttracker.rewards;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Rocket Pool's BalancesUpdated event, current version (RocketNetworkBalances v3 and later, tags v1.3.0
 * onwards; abi/RocketNetworkBalances.json): the oDAO's balances report for the beacon state at
 * {@code slotTimestamp}. rETH's exchange rate after the report is what RocketTokenRETH.getExchangeRate()
 * computes, {@code totalEth * 1e18 / rethSupply} in integer arithmetic (getEthValue(1 ether)). Report points
 * are consecutive reports; the rate between two is annualised over the slot timestamps they describe.
 *
 * @param eventBlock the block that emitted the event (the {@code block} field is the reported balances block)
 */
public record BalancesUpdated(long eventBlock, long balancesBlock, long slotTimestamp, BigInteger totalEth,
        BigInteger stakingEth, BigInteger rethSupply, long blockTimestamp) {

    public static final int RATE_DECIMALS = 18;
    private static final BigInteger E18 = BigInteger.TEN.pow(RATE_DECIMALS);

    /** ETH per rETH after this report, 18 decimals; zero when no rETH existed. */
    public BigDecimal rate() {
        if (rethSupply.signum() == 0) {
            return BigDecimal.ZERO.setScale(RATE_DECIMALS);
        }
        return Annualised.rate(totalEth.multiply(E18).divide(rethSupply), RATE_DECIMALS);
    }

    /** One step between each pair of consecutive reports (a first report alone gives no step). */
    public static List<RateStep> steps(List<BalancesUpdated> reports) {
        List<BalancesUpdated> sorted = reports.stream().sorted(Comparator.comparingLong(BalancesUpdated::eventBlock)
                .thenComparingLong(BalancesUpdated::slotTimestamp)).toList();
        List<RateStep> steps = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            BalancesUpdated from = sorted.get(i - 1);
            BalancesUpdated to = sorted.get(i);
            steps.add(new RateStep(from.eventBlock(), Instant.ofEpochSecond(from.slotTimestamp()), from.rate(),
                    to.eventBlock(), Instant.ofEpochSecond(to.slotTimestamp()), to.rate()));
        }
        return steps;
    }
}
