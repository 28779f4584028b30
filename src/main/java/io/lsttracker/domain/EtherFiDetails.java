package io.lsttracker.domain;

import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;

/**
 * ether.fi's figures beside the share rate: eETH's totalShares() and weETH's totalSupply(), the part of the shares
 * held wrapped (etherfi-protocol/smart-contracts src/core/EETH.sol, WeETH.sol; abi/SOURCES.md). Both in wei.
 */
public record EtherFiDetails(BigInteger totalShares, BigInteger weethSupply) implements PoolDetails {

    public EtherFiDetails {
        Objects.requireNonNull(totalShares, "totalShares");
        Objects.requireNonNull(weethSupply, "weethSupply");
    }

    @Override
    public Map<String, String> figures() {
        return new DetailFigures().amount("totalShares", totalShares).amount("weethSupply", weethSupply).text();
    }

    static EtherFiDetails read(DetailFigures.Reader f) {
        return new EtherFiDetails(f.amount("totalShares"), f.amount("weethSupply"));
    }
}
