// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimOperated.sol";

/// The exchange rate report of Stader's oracle (stader-labs/ethx contracts/StaderOracle.sol): the ETH behind
/// ETHx and the ETHx supply, both as of the reporting block, with the ExchangeRateUpdated event.
struct SimStaderExchangeRate {
    uint256 reportingBlockNumber;
    uint256 totalETHBalance;
    uint256 totalETHXSupply;
}

contract SimStaderOracle is SimOperated {
    SimStaderExchangeRate private exchangeRate;

    event ExchangeRateUpdated(uint256 block, uint256 totalEth, uint256 ethxSupply, uint256 time);

    function simReport(uint256 reportingBlockNumber, uint256 totalETHBalance, uint256 totalETHXSupply)
        external
        onlySimOperator
    {
        exchangeRate = SimStaderExchangeRate(reportingBlockNumber, totalETHBalance, totalETHXSupply);
        emit ExchangeRateUpdated(reportingBlockNumber, totalETHBalance, totalETHXSupply, block.timestamp);
    }

    function getExchangeRate() external view returns (SimStaderExchangeRate memory) {
        return exchangeRate;
    }
}
