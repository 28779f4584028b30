// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Simulated ether.fi EtherFiNode, installed at each of the devchain's node addresses. getEigenPod() is the
/// node's EigenPod (etherfi-protocol/smart-contracts src/staking/EtherFiNode.sol: eigenPodManager.ownerToPod(this));
/// the devchain has no EigenPodManager, so a node's pod is an address derived from the node's own:
/// the low 20 bytes of keccak256(abi.encodePacked("sim eigenpod", node)), as the devchain's model derives it.
contract SimEtherFiNode {
    function getEigenPod() external view returns (address) {
        return address(uint160(uint256(keccak256(abi.encodePacked("sim eigenpod", address(this))))));
    }
}
