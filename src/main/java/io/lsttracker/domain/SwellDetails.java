package io.lsttracker.domain;

import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;

/**
 * Swell's figure beside the rate: swETH's totalETHDeposited(), the deposits over the protocol's life (it never
 * decreases), in wei; not a backing figure (SwellNetwork/v3-core-public swETH.sol, abi/SOURCES.md).
 */
public record SwellDetails(BigInteger totalEthDeposited) implements PoolDetails {

    public SwellDetails {
        Objects.requireNonNull(totalEthDeposited, "totalEthDeposited");
    }

    @Override
    public Map<String, String> figures() {
        return new DetailFigures().amount("totalETHDeposited", totalEthDeposited).text();
    }

    static SwellDetails read(DetailFigures.Reader f) {
        return new SwellDetails(f.amount("totalETHDeposited"));
    }
}
