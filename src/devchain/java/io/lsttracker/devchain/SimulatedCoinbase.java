package io.lsttracker.devchain;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Coinbase's cbETH on the devchain (see {@link SimulatedStakedToken}). Head figures, approximate: about
 * 1.45 million cbETH on chain (cbETH's on-chain supply includes Coinbase's pre-minted, unissued units) at
 * about 1.105 ETH each (1.0638 on 15 Feb 2024, grown by a net APR near 2.5% since). The oracle updates the rate
 * at 16:00 UTC; 2,000 cbETH are minted on even days and 1,500 burned on odd days at 18:30.
 */
final class SimulatedCoinbase extends SimulatedStakedToken {
    static final String CBETH = "0xBe9895146f7AF43049ca1c1AE358B0541Ea49704";
    static final BigDecimal HEAD_RATE = new BigDecimal("1.1050");
    static final BigInteger HEAD_ETHER = BigInteger.valueOf(1_600_000).multiply(Devchain.ETH);
    /** cbETH's net APR (after Coinbase's 25% commission) has been near 2.5%; a little above rETH's here. */
    static final BigDecimal DEFAULT_APR = new BigDecimal("2.60");

    SimulatedCoinbase(DevchainParameters parameters) {
        super(parameters, CBETH, HEAD_ETHER, HEAD_RATE, DEFAULT_APR, 16 * 3600,
                BigInteger.valueOf(2_000).multiply(Devchain.ETH), BigInteger.valueOf(1_500).multiply(Devchain.ETH));
    }

    @Override
    public String poolId() {
        return "coinbase";
    }
}
