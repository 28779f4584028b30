package io.lsttracker.devchain.beacon;

import java.util.List;

/**
 * One group of stakers in the simulated validator set: whose validators they are, how the tracker can tell
 * (the rule of docs/ENTITIES.md that names them), and their part of the set in basis points of its validators.
 *
 * @param entityId   the entity of config/entities.yml the validators belong to; solo stakers and unidentified
 *                   operators have none of their own and are counted as {@link ValidatorSet#UNIDENTIFIED}
 * @param kind       how their withdrawal credentials and deposits are made
 * @param bps        their share of the set's validators, in basis points
 * @param depositors the addresses their deposits are sent from: for {@link Kind#LABELLED}, addresses of the
 *                   entity in config/entities.yml; otherwise empty (addresses of the model's own are used)
 */
public record Staker(String entityId, Kind kind, int bps, List<String> depositors) {

    public enum Kind {
        /** Lido: every validator's credentials are 0x01 with Lido's withdrawal vault. */
        LIDO_VAULT,
        /** Rocket Pool: each validator is a minipool, 0x01 credentials with the minipool's address. */
        ROCKET_MINIPOOL,
        /** StakeWise v3: 0x01 credentials with one of the vaults of the VaultsRegistry. */
        STAKEWISE_VAULT,
        /**
         * ether.fi: validators of the nodes its StakingManager announced (EtherFiNodeDeployed), 50 a node; even
         * positions are 0x02 credentials of the node's EigenPod (since Pectra), odd ones legacy 0x01 of the node.
         */
        ETHERFI_NODE,
        /** Stader: each validator its own withdraw vault, alternately of the permissionless and permissioned registry. */
        STADER_VAULT,
        /** Swell: 0x01 credentials of its DepositManager. */
        SWELL_DEPOSIT_MANAGER,
        /** Mantle: 0x01 credentials of Staking's withdrawalWallet. */
        MANTLE_WALLET,
        /** Frax: 0x01 credentials of its withdrawal address, named by frxETHMinter's DepositSent logs. */
        FRAX_MINTER,
        /** An exchange or staking provider depositing from addresses labelled in config/entities.yml. */
        LABELLED,
        /** Home stakers: their own 0x01 address (ten validators an address), labelled nowhere. */
        SOLO,
        /** Operators no label names (500 validators an address). */
        UNIDENTIFIED
    }

    public Staker {
        if (bps <= 0) {
            throw new IllegalArgumentException(entityId + ": share must be positive, got " + bps + " bps");
        }
        depositors = List.copyOf(depositors);
        if (kind == Kind.LABELLED && depositors.isEmpty()) {
            throw new IllegalArgumentException(entityId + " deposits from labelled addresses but has none");
        }
    }

    /** The entity the ground truth counts these validators under. */
    String truthId() {
        return kind == Kind.SOLO || kind == Kind.UNIDENTIFIED ? ValidatorSet.UNIDENTIFIED : entityId;
    }

    /** Whether its validators may be compounding (0x02) or start with BLS (0x00) credentials. */
    boolean ownsCredentials() {
        return kind == Kind.LABELLED || kind == Kind.SOLO;
    }
}
