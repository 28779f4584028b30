// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimOperated.sol";

/// Simulated ether.fi StakingManager at 0x25e821b7197B146F7713C3b89B6A4D83516B912d: only the event that names
/// its nodes, EtherFiNodeDeployed(address indexed etheFiNode) of etherfi-protocol/smart-contracts
/// src/staking/interfaces/IStakingManager.sol (emitted by instantiateEtherFiNode and, for the legacy nodes, by
/// backfillExistingEtherFiNodes). Here the operator announces the devchain's nodes.
contract SimEtherFiStakingManager is SimOperated {
    event EtherFiNodeDeployed(address indexed etheFiNode);

    function simDeployNodes(address[] calldata nodes) external onlySimOperator {
        for (uint256 i = 0; i < nodes.length; i++) {
            emit EtherFiNodeDeployed(nodes[i]);
        }
    }
}
