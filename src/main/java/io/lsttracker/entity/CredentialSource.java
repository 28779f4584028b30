package io.lsttracker.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * Rule 1 of attribution: a protocol whose own contracts name its validators' withdrawal credentials, read on chain
 * at the pinned block (docs/ENTITIES.md). Its name is what config/entities.yml's {@code credentials} says.
 */
public enum CredentialSource {
    /** Lido's withdrawal vault, from the stETH contract's getWithdrawalCredentials(). */
    LIDO("lido"),
    /** Every Rocket Pool minipool, from RocketMinipoolManager: 0x01 credentials of the minipool's address. */
    ROCKETPOOL("rocketpool"),
    /** Every StakeWise v3 vault, from VaultsRegistry's VaultAdded events: 0x01 credentials of the vault. */
    STAKEWISE("stakewise"),
    /** ether.fi: its nodes (StakingManager's EtherFiNodeDeployed) and their EigenPods, 0x01 or 0x02 credentials. */
    ETHERFI("etherfi"),
    /** Stader: each validator's withdraw vault, from its permissionless and permissioned node registries. */
    STADER("stader"),
    /** Swell: swETH's DepositManager, from its getWithdrawalCredentials(). */
    SWELL("swell"),
    /** Mantle: Staking's withdrawalWallet. */
    MANTLE("mantle"),
    /** Frax: the credentials of frxETHMinter's deposits (its DepositSent logs). */
    FRAX("frax");

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
