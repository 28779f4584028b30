// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// A market that refuses every quote, for the liquidity tests, as a paused or killed pool would.
contract RevertingCurvePool {
    function get_dy(int128, int128, uint256) external pure returns (uint256) {
        revert("pool is paused");
    }

    function get_dy(uint256, uint256, uint256) external pure returns (uint256) {
        revert("pool is paused");
    }
}
