package io.lsttracker.domain;

import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;

/**
 * Ankr's figure beside the rate: ankrETH's ratio(), ankrETH per ETH scaled by 1e18, the inverse of the rate as the
 * contract answers it (Ankr's AETH_R21, abi/SOURCES.md).
 */
public record AnkrDetails(BigInteger ratio) implements PoolDetails {

    public AnkrDetails {
        Objects.requireNonNull(ratio, "ratio");
    }

    @Override
    public Map<String, String> figures() {
        return new DetailFigures().amount("ratio", ratio).text();
    }

    static AnkrDetails read(DetailFigures.Reader f) {
        return new AnkrDetails(f.amount("ratio"));
    }
}
