package io.lsttracker.entity;

import io.lsttracker.config.Settings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code tracker.entities.*}: where the entity feature reads the chain (docs/ENTITIES.md). The defaults in
 * application.yml are mainnet's; the devchain sets its own deployment block.
 *
 * @param depositContract     the beacon deposit contract (LST_DEPOSIT_CONTRACT)
 * @param depositFirstBlock   the block it was deployed in: the deposit index starts there (LST_DEPOSIT_FIRST_BLOCK)
 * @param vaultsRegistry      StakeWise v3's VaultsRegistry, whose VaultAdded logs name vaults (rule 1)
 * @param vaultsFirstBlock    the first block its logs are read from
 * @param pageBlocks          blocks per eth_getLogs
 * @param transactionsPerBatch transactions per eth_getTransactionByHash batch
 * @param pagesPerCycle       pages of deposits read per snapshot cycle, so a first backfill of the index never
 *                            holds up the snapshots; readings wait until the index reaches the snapshot's block
 * @param minipoolsPerCall    Rocket Pool getMinipoolAt calls per multicall (also Stader's validatorRegistry and
 *                            ether.fi's getEigenPod calls)
 * @param etherfiStakingManager ether.fi's StakingManager, whose EtherFiNodeDeployed logs name its nodes (rule 1)
 * @param etherfiFirstBlock   the first block its logs are read from
 * @param fraxMinter          Frax's frxETHMinter, whose DepositSent logs name its credentials (rule 1)
 * @param fraxFirstBlock      the first block its logs are read from
 */
@Context
@ConfigurationProperties("tracker.entities")
public record EntityChainSettings(@Nullable String depositContract, @Nullable Long depositFirstBlock,
        @Nullable String vaultsRegistry, @Nullable Long vaultsFirstBlock, @Nullable Long pageBlocks,
        @Nullable Integer transactionsPerBatch, @Nullable Integer pagesPerCycle, @Nullable Integer minipoolsPerCall,
        @Nullable String etherfiStakingManager, @Nullable Long etherfiFirstBlock, @Nullable String fraxMinter,
        @Nullable Long fraxFirstBlock) {
    public EntityChainSettings {
        io.lsttracker.config.Addresses.parse("tracker.entities.deposit-contract", depositContract);
        io.lsttracker.config.Addresses.parse("tracker.entities.vaults-registry", vaultsRegistry);
        atLeast("tracker.entities.deposit-first-block", depositFirstBlock, 0);
        atLeast("tracker.entities.vaults-first-block", vaultsFirstBlock, 0);
        atLeast("tracker.entities.page-blocks", pageBlocks, 1);
        atLeast("tracker.entities.transactions-per-batch", transactionsPerBatch, 1);
        atLeast("tracker.entities.pages-per-cycle", pagesPerCycle, 1);
        atLeast("tracker.entities.minipools-per-call", minipoolsPerCall, 1);
        io.lsttracker.config.Addresses.parse("tracker.entities.etherfi-staking-manager", etherfiStakingManager);
        atLeast("tracker.entities.etherfi-first-block", etherfiFirstBlock, 0);
        io.lsttracker.config.Addresses.parse("tracker.entities.frax-minter", fraxMinter);
        atLeast("tracker.entities.frax-first-block", fraxFirstBlock, 0);
    }

    private static void atLeast(String key, Number value, long least) {
        Settings.required(key, value, "a whole number");
        if (value.longValue() < least) {
            throw new io.lsttracker.config.ConfigException(key + ": must be at least " + least + ", got " + value);
        }
    }

    public static EntityChainSettings defaults() {
        return Settings.defaults("tracker.entities", EntityChainSettings.class);
    }
}
