package io.lsttracker.domain;

import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;

/**
 * StakeWise's figures beside the rate: the OsTokenVaultController's totalShares() (in wei) and avgRewardPerSecond()
 * as the contract answers it, an integer where 1e18 stands for 100% per second (stakewise/v3-core
 * contracts/tokens/OsTokenVaultController.sol, abi/SOURCES.md).
 */
public record StakeWiseDetails(BigInteger controllerTotalShares, BigInteger avgRewardPerSecond) implements PoolDetails {

    public StakeWiseDetails {
        Objects.requireNonNull(controllerTotalShares, "controllerTotalShares");
        Objects.requireNonNull(avgRewardPerSecond, "avgRewardPerSecond");
    }

    @Override
    public Map<String, String> figures() {
        return new DetailFigures().amount("controllerTotalShares", controllerTotalShares)
                .count("avgRewardPerSecond", avgRewardPerSecond).text();
    }

    static StakeWiseDetails read(DetailFigures.Reader f) {
        return new StakeWiseDetails(f.amount("controllerTotalShares"), f.count("avgRewardPerSecond"));
    }
}
