// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// A broken pool contract for the tests: every call loops until it has burnt all the gas it was given, as a bad
/// upgrade or an endless loop on mainnet would.
contract EndlessLoop {
    uint256 private counter;

    fallback() external {
        while (true) {
            counter += 1;
        }
    }
}
