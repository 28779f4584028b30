// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimOperated.sol";

/// Simulated RocketNetworkBalances: the oDAO's balance reports, with the current BalancesUpdated event.
contract SimRocketNetworkBalances is SimOperated {
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

    function simUpdateBalances(
        uint256 _block,
        uint256 _slotTimestamp,
        uint256 _totalEth,
        uint256 _stakingEth,
        uint256 _rethSupply
    ) external onlySimOperator {
        balancesBlock = _block;
        totalEth = _totalEth;
        stakingEth = _stakingEth;
        rethSupply = _rethSupply;
        emit BalancesUpdated(_block, _slotTimestamp, _totalEth, _stakingEth, _rethSupply, block.timestamp);
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
