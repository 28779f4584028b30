// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimOperated.sol";

/// Simulated RocketMinipoolManager, registered in the simulated RocketStorage under "contract.address" +
/// "rocketMinipoolManager": the minipool counts the tracker reads, with Rocket Pool's signatures and its
/// definition of active (every minipool created minus the finalised ones), and the list of minipool addresses
/// (`getMinipoolAt`), whose 0x01 withdrawal credentials name the minipool's validator. Minipool `i`'s address
/// is derived from `i` (the low 20 bytes of keccak256("sim minipool", i)) rather than stored: tens of thousands
/// of stored addresses would make installing the devchain slow, and the beacon model
/// (io.lsttracker.devchain.beacon) derives the same addresses.
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

    /// Rocket Pool's signature: the address of the minipool at `index` in creation order.
    function getMinipoolAt(uint256 index) external view returns (address) {
        require(index < total, "SimRocketMinipoolManager: no minipool at this index");
        return address(uint160(uint256(keccak256(abi.encodePacked("sim minipool", index)))));
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
