// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./SimOperated.sol";

/// Base of the simulated tokens whose supply the devchain writes: the sum of the mints and burns it simulates
/// (deposits, redemptions, stakes, unstakes), set in one call, since no holder's balance is simulated.
abstract contract SimSupply is SimOperated {
    uint256 public totalSupply;

    function simSetTotalSupply(uint256 newSupply) external onlySimOperator {
        totalSupply = newSupply;
    }
}
