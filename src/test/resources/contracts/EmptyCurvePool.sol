// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// A market with no liquidity left, for the liquidity tests: every get_dy answers 0.
contract EmptyCurvePool {
    function get_dy(int128, int128, uint256) external pure returns (uint256) {
        return 0;
    }

    function get_dy(uint256, uint256, uint256) external pure returns (uint256) {
        return 0;
    }
}
