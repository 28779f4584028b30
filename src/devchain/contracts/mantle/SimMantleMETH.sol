// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimSupply.sol";

/// Simulated mETH at 0xd5F7838F5C461fefF7FE49ea5ebaF7728bB0ADfa: only its supply, which Mantle's Staking
/// contract mints on stakes and burns on claimed unstake requests.
contract SimMantleMETH is SimSupply {}
