package io.lsttracker.devchain;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Binance's wBETH on the devchain (see {@link SimulatedStakedToken}). Head figures, approximate: about
 * 2.5 million ETH behind the wBETH minted on Ethereum (wBETH also lives on BNB Smart Chain, which is not
 * simulated) at about 1.085 ETH per wBETH. The oracle updates the rate at 00:30 UTC; 3,000 wBETH are minted
 * on even days and 2,500 burned on odd days at 18:30.
 */
final class SimulatedBinance extends SimulatedStakedToken {
    static final String WBETH = "0xa2E3356610840701BDf5611a53974510Ae27E2e1";
    static final BigDecimal HEAD_RATE = new BigDecimal("1.0850");
    static final BigInteger HEAD_ETHER = BigInteger.valueOf(2_500_000).multiply(Devchain.ETH);
    /** wBETH's net APR has been near 2.7%. */
    static final BigDecimal DEFAULT_APR = new BigDecimal("2.70");

    SimulatedBinance(DevchainParameters parameters) {
        super(parameters, WBETH, HEAD_ETHER, HEAD_RATE, DEFAULT_APR, 1800,
                BigInteger.valueOf(3_000).multiply(Devchain.ETH), BigInteger.valueOf(2_500).multiply(Devchain.ETH));
    }

    @Override
    public String poolId() {
        return "binance";
    }
}
