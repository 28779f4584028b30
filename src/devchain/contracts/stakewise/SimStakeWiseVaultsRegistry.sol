// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimOperated.sol";

/// Simulated StakeWise v3 VaultsRegistry at its mainnet address (0x3a0008a588772446f6e656133C2D5029CC4FC20E):
/// the `vaults(address)` view and the `VaultAdded(address indexed caller, address indexed vault)` event of
/// stakewise/v3-core's IVaultsRegistry. On mainnet a whitelisted vault factory adds each vault it creates;
/// here the operator adds them in the factory's name.
contract SimStakeWiseVaultsRegistry is SimOperated {
    event VaultAdded(address indexed caller, address indexed vault);

    mapping(address => bool) public vaults;

    function simAddVaults(address factory, address[] calldata added) external onlySimOperator {
        for (uint256 i = 0; i < added.length; i++) {
            require(!vaults[added[i]], "SimStakeWiseVaultsRegistry: vault already added");
            vaults[added[i]] = true;
            emit VaultAdded(factory, added[i]);
        }
    }
}
