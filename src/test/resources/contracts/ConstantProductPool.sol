// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// A market for the liquidity tests whose quotes are computed by hand: a constant-product pool holding 1,000 of the
/// token (coin 1) and 1,000 ETH (coin 0), no fee, so selling dx tokens returns dy = dx * 1000e18 / (1000e18 + dx),
/// rounded down. It answers both of Curve's get_dy signatures (int128 indexes as the StableSwap pools, uint256 as
/// the crypto pools) and only the sale of the token for ETH.
contract ConstantProductPool {
    uint256 private constant TOKEN_RESERVE = 1000 ether;
    uint256 private constant ETH_RESERVE = 1000 ether;

    function get_dy(int128 i, int128 j, uint256 dx) external pure returns (uint256) {
        require(i == 1 && j == 0, "only token for ETH");
        return quote(dx);
    }

    function get_dy(uint256 i, uint256 j, uint256 dx) external pure returns (uint256) {
        require(i == 1 && j == 0, "only token for ETH");
        return quote(dx);
    }

    function quote(uint256 dx) private pure returns (uint256) {
        return dx * ETH_RESERVE / (TOKEN_RESERVE + dx);
    }
}
