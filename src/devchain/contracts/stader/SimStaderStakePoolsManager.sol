// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimOperated.sol";
import "./SimStaderOracle.sol";

/// Simulated StaderStakePoolsManager at 0xcf5EA1b38380f6aF39068375516Daf40Ed70D299. As in stader-labs/ethx,
/// both figures come from the oracle's last exchange rate report, not from live balances: totalAssets() is
/// its totalETHBalance and getExchangeRate() is totalETHBalance x 1e18 / totalETHXSupply, rounded down, or
/// 1e18 when either is zero (UtilLib.computeExchangeRate). Mainnet finds the oracle through StaderConfig; the
/// devchain has no StaderConfig and places the oracle at an address of its own.
contract SimStaderStakePoolsManager is SimOperated {
    address private constant ORACLE = 0x0000000000000000000000000000000005aDE0ac;
    uint256 private constant DECIMALS = 1e18;

    /// The StaderConfig that names the node registries (rule 1 of docs/ENTITIES.md), at its mainnet address.
    function staderConfig() external pure returns (address) {
        return 0x4ABEF2263d5A5ED582FC9A9789a41D85b68d69DB;
    }

    function getExchangeRate() external view returns (uint256) {
        SimStaderExchangeRate memory report = SimStaderOracle(ORACLE).getExchangeRate();
        if (report.totalETHBalance == 0 || report.totalETHXSupply == 0) {
            return DECIMALS;
        }
        return report.totalETHBalance * DECIMALS / report.totalETHXSupply;
    }

    function totalAssets() public view returns (uint256) {
        return SimStaderOracle(ORACLE).getExchangeRate().totalETHBalance;
    }
}
