package io.lsttracker.devchain.mantle;

import io.lsttracker.devchain.AccruingPool;
import io.lsttracker.devchain.ChainWriter;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.DevchainParameters;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Mantle on the devchain: mETH and its Staking contract at their mainnet addresses. The oracle adds a record
 * daily at 08:00 UTC, whose validator balance changes the ETH controlled by the growth (or loss) since the last
 * record. At 15:00 stakes (even days, +250 ETH) or claimed unstake requests (odd days, -200 mETH) change the
 * supply and the ETH together, so the rate stays put up to wei rounding. Mainnet's Oracle contract and its
 * OracleRecordAdded event are not simulated: the tracker reads Staking only.
 *
 * <p>Staking's accounting is kept in exact wei: the ETH it controls (unallocated, and the validator balance of
 * the oracle's latest record) and mETH's supply. Stakes mint ethToMETH(eth) = eth x supply / totalControlled,
 * rounded down (the exchange adjustment rate taken as zero), and claimed unstake requests pay mETHToETH(mETH),
 * rounded down.
 *
 * <p>The head is near 450,000 ETH controlled at about 1.07 ETH per mETH, 3% of it unallocated: round
 * figures of the right order for today's mainnet, not copied ones.
 */
public final class SimulatedMantle extends AccruingPool {
    static final String METH = "0xd5F7838F5C461fefF7FE49ea5ebaF7728bB0ADfa";
    static final String STAKING = "0xe3cBd06D7dadB3F4e6557bAb7EdD924CD1489E8f";
    static final BigInteger HEAD_ETHER = ether(450_000);
    static final BigDecimal HEAD_RATE = new BigDecimal("1.0700");
    /** mETH's APR has been near 3.2% through 2025. */
    static final BigDecimal DEFAULT_APR = new BigDecimal("3.20");
    private static final long RECORD_OFFSET = 8 * 3600;

    private BigInteger unallocated = HEAD_ETHER.multiply(BigInteger.valueOf(3)).divide(BigInteger.valueOf(100));
    private BigInteger validatorBalance = HEAD_ETHER.subtract(unallocated);
    private BigInteger supply;

    public SimulatedMantle(DevchainParameters parameters, long firstMidnight) {
        super("mantle", DEFAULT_APR, parameters, Map.of(METH, "SimMantleMETH", STAKING, "SimMantleStaking"));
        this.supply = divide(HEAD_ETHER, startRate(HEAD_RATE));
        reportedAt(firstMidnight + RECORD_OFFSET - Devchain.DAY);
    }

    @Override
    public void install(ChainWriter chain) {
        writeSupply(chain);
        writeBalances(chain);
    }

    @Override
    public List<DailyEvent> day(HistoryDay day) {
        return List.of(
                report(day, RECORD_OFFSET, "Mantle oracle record", (chain, record) -> {
                    validatorBalance = validatorBalance.add(times(totalControlled(), record.change()));
                    writeBalances(chain);
                }),
                flow(day, 15 * 3600, "mETH stakes and unstakes", 250, 200, (chain, eth) -> {
                    BigInteger minted = eth.multiply(supply).divide(totalControlled());
                    unallocated = unallocated.add(eth);
                    supply = supply.add(minted);
                    writeBalancesAndSupply(chain);
                }, (chain, meth) -> {
                    unallocated = unallocated.subtract(meth.multiply(totalControlled()).divide(supply));
                    supply = supply.subtract(meth);
                    writeBalancesAndSupply(chain);
                }));
    }

    private void writeBalancesAndSupply(ChainWriter chain) {
        writeBalances(chain);
        writeSupply(chain);
    }

    private BigInteger totalControlled() {
        return unallocated.add(validatorBalance);
    }

    private void writeBalances(ChainWriter chain) {
        chain.call("Mantle Staking balances", STAKING, "simSetBalances", unallocated, validatorBalance);
    }

    private void writeSupply(ChainWriter chain) {
        chain.call("mETH supply", METH, "simSetTotalSupply", supply);
    }

    /** mETHToETH(1e18), rounded down. */
    @Override
    public Expected expectedAt(long headTimestamp) {
        return new Expected(Devchain.ETH.multiply(totalControlled()).divide(supply), totalControlled(), supply);
    }
}
