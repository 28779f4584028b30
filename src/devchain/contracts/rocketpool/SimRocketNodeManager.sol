// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimOperated.sol";

/// Simulated RocketNodeManager, registered in the simulated RocketStorage under "contract.address" +
/// "rocketNodeManager": the node count the tracker reads, with Rocket Pool's signature.
contract SimRocketNodeManager is SimOperated {
    uint256 private nodeCount;

    function simSetNodeCount(uint256 count) external onlySimOperator {
        nodeCount = count;
    }

    function getNodeCount() external view returns (uint256) {
        return nodeCount;
    }
}
