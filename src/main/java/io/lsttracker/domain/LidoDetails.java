package io.lsttracker.domain;

import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;

/**
 * Lido's figures beside the share rate: getTotalShares() and getBeaconStat(), whose outputs are the validators
 * Lido ever deposited, the validators the oracle last saw on the beacon chain and their balance then
 * (lidofinance/core contracts/0.4.24/Lido.sol, abi/SOURCES.md).
 *
 * @param totalShares  stETH shares, in wei (shares have 18 decimals like stETH)
 * @param beaconBalance in wei
 */
public record LidoDetails(BigInteger totalShares, BigInteger depositedValidators, BigInteger beaconValidators,
        BigInteger beaconBalance) implements PoolDetails {

    public LidoDetails {
        Objects.requireNonNull(totalShares, "totalShares");
        Objects.requireNonNull(depositedValidators, "depositedValidators");
        Objects.requireNonNull(beaconValidators, "beaconValidators");
        Objects.requireNonNull(beaconBalance, "beaconBalance");
    }

    @Override
    public Map<String, String> figures() {
        return new DetailFigures().amount("totalShares", totalShares)
                .count("depositedValidators", depositedValidators)
                .count("beaconValidators", beaconValidators)
                .amount("beaconBalance", beaconBalance).text();
    }

    static LidoDetails read(DetailFigures.Reader f) {
        return new LidoDetails(f.amount("totalShares"), f.count("depositedValidators"), f.count("beaconValidators"),
                f.amount("beaconBalance"));
    }
}
