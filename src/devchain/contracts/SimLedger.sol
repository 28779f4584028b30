// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./SimOperated.sol";

/// Base of the simulated tokens whose balances only one other contract moves: eETH's shares, which only
/// ether.fi's LiquidityPool mints and burns, and osToken, which only StakeWise's vault controller does.
abstract contract SimLedger is SimOperated {
    mapping(address => uint256) internal balances;
    uint256 internal total;

    modifier onlyMinter() {
        requireMinter();
        _;
    }

    /// Reverts unless the caller is the one contract that mints and burns.
    function requireMinter() internal view virtual;

    function credit(address account, uint256 value) internal {
        balances[account] += value;
        total += value;
    }

    function debit(address account, uint256 value) internal {
        balances[account] -= value;
        total -= value;
    }
}
