// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./SimOperated.sol";

interface ISimRocketStorage {
    function getAddress(bytes32 key) external view returns (address);
}

interface ISimRocketNetworkBalances {
    function getTotalETHBalance() external view returns (uint256);
    function getTotalRETHSupply() external view returns (uint256);
}

/// Simulated rETH at 0xae78736Cd615f374D3085123A210448E74Fc6393. As on mainnet, the exchange rate is the
/// last balance report's total ETH over its rETH supply, and the network balances contract is looked up
/// in RocketStorage on every call; the live totalSupply moves with deposits between reports.
contract SimRocketTokenRETH is SimOperated {
    address private constant ROCKET_STORAGE = 0x1d8f8f00cfa6758d7bE78336684788Fb0ee0Fa46;
    uint256 private supply;

    function simSetTotalSupply(uint256 newSupply) external onlySimOperator {
        supply = newSupply;
    }

    function getEthValue(uint256 _rethAmount) public view returns (uint256) {
        ISimRocketNetworkBalances balances = ISimRocketNetworkBalances(
            ISimRocketStorage(ROCKET_STORAGE).getAddress(
                keccak256(abi.encodePacked("contract.address", "rocketNetworkBalances"))
            )
        );
        uint256 rethSupply = balances.getTotalRETHSupply();
        if (rethSupply == 0) {
            return _rethAmount;
        }
        return _rethAmount * balances.getTotalETHBalance() / rethSupply;
    }

    function getExchangeRate() external view returns (uint256) {
        return getEthValue(1 ether);
    }

    function totalSupply() external view returns (uint256) {
        return supply;
    }
}
