package io.lsttracker.devchain.stakedtoken;

import io.lsttracker.devchain.AccruingPool;
import io.lsttracker.devchain.ChainWriter;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.DevchainParameters;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * A StakedTokenV1 token on the devchain: src/devchain/contracts/stakedtoken/SimStakedTokenV1.sol at the token's
 * mainnet address, for Coinbase's cbETH and Binance's wBETH (which forks it). Once a day the oracle writes a new
 * exchange rate, grown from the last one by the pool's net APR over the time since (or cut by the negative day's
 * loss); at 18:30 mints (even days) or burns (odd days) move the supply, never the rate. The exact state is kept
 * here: the rate the oracle wrote and the supply, from which a snapshot must show totalSupply x rate / 1e18,
 * rounded down.
 */
public final class SimulatedStakedToken extends AccruingPool {
    static final String CBETH = "0xBe9895146f7AF43049ca1c1AE358B0541Ea49704";
    static final String WBETH = "0xa2E3356610840701BDf5611a53974510Ae27E2e1";

    private final String token;
    private final long reportOffset;
    private final long dailyMint;
    private final long dailyBurn;
    private BigInteger rate;
    private BigInteger supply;

    /**
     * @param headEther    ETH behind the token near the head (supply x rate), approximately
     * @param headRate     exchange rate near the head, approximately
     * @param reportOffset seconds after midnight UTC of the oracle's daily update
     * @param dailyMint    whole tokens minted on even days
     * @param dailyBurn    whole tokens burned on odd days
     */
    private SimulatedStakedToken(String poolId, DevchainParameters parameters, String token, BigInteger headEther,
            BigDecimal headRate, BigDecimal defaultApr, long reportOffset, long dailyMint, long dailyBurn) {
        super(poolId, defaultApr, parameters, Map.of(token, "SimStakedTokenV1"));
        this.token = token;
        this.reportOffset = reportOffset;
        this.dailyMint = dailyMint;
        this.dailyBurn = dailyBurn;
        this.rate = times(Devchain.ETH, startRate(headRate));
        this.supply = divide(headEther, headRate);
    }

    /**
     * Coinbase's cbETH. Head figures, approximate: about 1.45 million cbETH on chain (cbETH's on-chain supply
     * includes Coinbase's pre-minted, unissued units) at about 1.105 ETH each (1.0638 on 15 Feb 2024, grown by a
     * net APR near 2.5% since). Its net APR (after Coinbase's 25% commission) has been near 2.5%; a little above
     * rETH's here, 2.60. The oracle updates the rate at 16:00 UTC; 2,000 cbETH are minted on even days and 1,500
     * burned on odd days.
     */
    public static SimulatedStakedToken coinbase(DevchainParameters parameters) {
        return new SimulatedStakedToken("coinbase", parameters, CBETH, ether(1_600_000), new BigDecimal("1.1050"),
                new BigDecimal("2.60"), 16 * 3600, 2_000, 1_500);
    }

    /**
     * Binance's wBETH. Head figures, approximate: about 2.5 million ETH behind the wBETH minted on Ethereum
     * (wBETH also lives on BNB Smart Chain, which is not simulated) at about 1.085 ETH per wBETH. Its net APR
     * has been near 2.7%. The oracle updates the rate at 00:30 UTC; 3,000 wBETH are minted on even days and
     * 2,500 burned on odd days.
     */
    public static SimulatedStakedToken binance(DevchainParameters parameters) {
        return new SimulatedStakedToken("binance", parameters, WBETH, ether(2_500_000), new BigDecimal("1.0850"),
                new BigDecimal("2.70"), 1800, 3_000, 2_500);
    }

    @Override
    public void install(ChainWriter chain) {
        writeSupply(chain);
        writeRate(chain);
        reportedAt(chain.headTimestamp());
    }

    @Override
    public List<DailyEvent> day(HistoryDay day) {
        return List.of(
                report(day, reportOffset, poolId() + " exchange rate update", (chain, report) -> {
                    rate = times(rate, BigDecimal.ONE.add(report.change(), MC));
                    writeRate(chain);
                }),
                flow(day, 18 * 3600 + 1800, poolId() + " mints and burns", dailyMint, dailyBurn, (chain, amount) -> {
                    supply = supply.add(amount);
                    writeSupply(chain);
                }));
    }

    private void writeRate(ChainWriter chain) {
        chain.call(poolId() + " exchange rate", token, "simUpdateExchangeRate", rate);
    }

    private void writeSupply(ChainWriter chain) {
        chain.call(poolId() + " supply", token, "simSetTotalSupply", supply);
    }

    @Override
    public Expected expectedAt(long headTimestamp) {
        return new Expected(rate, supply.multiply(rate).divide(Devchain.ETH), supply);
    }
}
