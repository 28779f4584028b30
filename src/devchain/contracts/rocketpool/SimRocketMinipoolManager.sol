// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimOperated.sol";

/// Simulated RocketMinipoolManager, registered in the simulated RocketStorage under "contract.address" +
/// "rocketMinipoolManager": the minipool counts the tracker reads, with Rocket Pool's signatures and its
/// definition of active (every minipool created minus the finalised ones).
contract SimRocketMinipoolManager is SimOperated {
    uint256 private total;
    uint256 private finalised;
    uint256 private staking;

    function simSetCounts(uint256 newTotal, uint256 newFinalised, uint256 newStaking) external onlySimOperator {
        require(newFinalised <= newTotal && newStaking <= newTotal - newFinalised, "inconsistent counts");
        total = newTotal;
        finalised = newFinalised;
        staking = newStaking;
    }

    function getMinipoolCount() external view returns (uint256) {
        return total;
    }

    function getStakingMinipoolCount() external view returns (uint256) {
        return staking;
    }

    function getFinalisedMinipoolCount() external view returns (uint256) {
        return finalised;
    }

    function getActiveMinipoolCount() external view returns (uint256) {
        return total - finalised;
    }
}
