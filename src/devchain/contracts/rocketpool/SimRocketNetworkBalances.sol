// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimOperated.sol";
import "./SimRocketStorage.sol";

/// Simulated RocketNetworkBalances: the oDAO's balance reports, with the current BalancesUpdated event.
///
/// Rocket Pool replaces this contract on upgrades (Houston, then Saturn): RocketStorage then names the new one,
/// and mainnet's contract accepts reports only while RocketStorage names it (its submitBalances and
/// executeUpdateBalances are onlyLatestContract("rocketNetworkBalances", address(this))), so the old one stops
/// emitting. Mainnet keeps the balances in RocketStorage (getUint(keccak256("network.balance.total")), ...), so a
/// new version answers the same figures from its first block; here each version keeps its own, and the new one
/// takes them over at the upgrade (simTakeOverFrom). Source of both facts: rocket-pool/rocketpool,
/// contracts/contract/network/RocketNetworkBalances.sol (version 3).
contract SimRocketNetworkBalances is SimOperated {
    address private constant ROCKET_STORAGE = 0x1d8f8f00cfa6758d7bE78336684788Fb0ee0Fa46;

    uint256 private balancesBlock;
    uint256 private totalEth;
    uint256 private stakingEth;
    uint256 private rethSupply;

    event BalancesUpdated(
        uint256 indexed block,
        uint256 slotTimestamp,
        uint256 totalEth,
        uint256 stakingEth,
        uint256 rethSupply,
        uint256 blockTimestamp
    );

    modifier onlyLatestContract() {
        require(
            SimRocketStorage(ROCKET_STORAGE).getAddress(
                keccak256(abi.encodePacked("contract.address", "rocketNetworkBalances"))
            ) == address(this),
            "Invalid or outdated contract"
        );
        _;
    }

    function simUpdateBalances(
        uint256 _block,
        uint256 _slotTimestamp,
        uint256 _totalEth,
        uint256 _stakingEth,
        uint256 _rethSupply
    ) external onlySimOperator onlyLatestContract {
        balancesBlock = _block;
        totalEth = _totalEth;
        stakingEth = _stakingEth;
        rethSupply = _rethSupply;
        emit BalancesUpdated(_block, _slotTimestamp, _totalEth, _stakingEth, _rethSupply, block.timestamp);
    }

    /// The upgrade: takes over the balances the previous version holds (no event: nothing was reported).
    function simTakeOverFrom(address _previous) external onlySimOperator {
        SimRocketNetworkBalances previous = SimRocketNetworkBalances(_previous);
        balancesBlock = previous.getBalancesBlock();
        totalEth = previous.getTotalETHBalance();
        stakingEth = previous.getStakingETHBalance();
        rethSupply = previous.getTotalRETHSupply();
    }

    function getBalancesBlock() external view returns (uint256) {
        return balancesBlock;
    }

    function getTotalETHBalance() external view returns (uint256) {
        return totalEth;
    }

    function getStakingETHBalance() external view returns (uint256) {
        return stakingEth;
    }

    function getTotalRETHSupply() external view returns (uint256) {
        return rethSupply;
    }
}
