// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimSupply.sol";
import "./SimRocketNetworkBalances.sol";
import "./SimRocketStorage.sol";

/// Simulated rETH at 0xae78736Cd615f374D3085123A210448E74Fc6393. As on mainnet, the exchange rate is the
/// last balance report's total ETH over its rETH supply, and the network balances contract is looked up
/// in RocketStorage on every call; the live totalSupply moves with deposits between reports.
///
/// getTotalCollateral() is, as in rocket-pool/rocketpool contracts/contract/token/RocketTokenRETH.sol
/// (abi/SOURCES.md), the ETH available to burn rETH against: the deposit pool's excess balance plus the ETH this
/// contract holds. The devchain writes the deposit pool's excess as a stored figure (no RocketDepositPool is
/// simulated); this contract's own balance is whatever ETH it holds on the devchain.
contract SimRocketTokenRETH is SimSupply {
    address private constant ROCKET_STORAGE = 0x1d8f8f00cfa6758d7bE78336684788Fb0ee0Fa46;
    uint256 private depositPoolExcessBalance;

    /// RocketDepositPool.getExcessBalance() as deposits and burns leave it.
    function simSetDepositPoolExcess(uint256 excess) external onlySimOperator {
        depositPoolExcessBalance = excess;
    }

    function getTotalCollateral() external view returns (uint256) {
        return depositPoolExcessBalance + address(this).balance;
    }

    function getEthValue(uint256 _rethAmount) public view returns (uint256) {
        SimRocketNetworkBalances balances = SimRocketNetworkBalances(
            SimRocketStorage(ROCKET_STORAGE).getAddress(
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
}
