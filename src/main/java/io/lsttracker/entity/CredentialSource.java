package io.lsttracker.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * Rule 1 of attribution: a protocol whose own contracts name its validators' withdrawal credentials, read on chain
 * at the pinned block (docs/ENTITIES.md).
 */
public enum CredentialSource {
    /** Lido's withdrawal vault, from the stETH contract's getWithdrawalCredentials(). */
    LIDO("lido"),
    /** Every Rocket Pool minipool, from RocketMinipoolManager: 0x01 credentials of the minipool's address. */
    ROCKETPOOL("rocketpool"),
    /** Every StakeWise v3 vault, from VaultsRegistry's VaultAdded events: 0x01 credentials of the vault. */
    STAKEWISE("stakewise");

    private final String configName;

    CredentialSource(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static Optional<CredentialSource> fromConfigName(String name) {
        return Arrays.stream(values()).filter(c -> c.configName.equals(name)).findFirst();
    }
}
