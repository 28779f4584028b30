// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Simulated StaderConfig at 0x4ABEF2263d5A5ED582FC9A9789a41D85b68d69DB (stader-labs/ethx contracts/StaderConfig.sol):
/// the two getters that name the node registries, at their mainnet addresses (ethx README).
contract SimStaderConfig {
    function getPermissionlessNodeRegistry() external pure returns (address) {
        return 0x4f4Bfa0861F62309934a5551E0B2541Ee82fdcF1;
    }

    function getPermissionedNodeRegistry() external pure returns (address) {
        return 0xaf42d795A6D279e9DCc19DC0eE1cE3ecd4ecf5dD;
    }
}
