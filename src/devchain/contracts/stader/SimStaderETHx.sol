// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimSupply.sol";

/// Simulated ETHx at 0xA35b1B31Ce002FBF2058D22F30f95D405200A15b: its live supply, which deposits and
/// withdrawals move between the oracle's exchange rate reports.
contract SimStaderETHx is SimSupply {}
