// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimOperated.sol";

/// Simulated RocketStorage at 0x1d8f8f00cfa6758d7bE78336684788Fb0ee0Fa46: Rocket Pool's registry, where a
/// network contract's address is stored under keccak256(abi.encodePacked("contract.address", name)).
contract SimRocketStorage is SimOperated {
    mapping(bytes32 => address) private addressStorage;

    function simSetAddress(bytes32 key, address value) external onlySimOperator {
        addressStorage[key] = value;
    }

    function getAddress(bytes32 _key) external view returns (address) {
        return addressStorage[_key];
    }
}
