// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimSupply.sol";

/// Simulated StakedTokenV1, placed at cbETH 0xBe9895146f7AF43049ca1c1AE358B0541Ea49704 and at wBETH
/// 0xa2E3356610840701BDf5611a53974510Ae27E2e1 (Binance's wBETH forks Coinbase's StakedTokenV1). As deployed,
/// exchangeRate() is a stored figure, ETH per token scaled by 1e18, that the oracle writes through
/// updateExchangeRate, emitting ExchangeRateUpdated; Binance's version rejects a rate below 1e18, and so does
/// this one. The supply moves with mints and burns, which do not touch the rate.
contract SimStakedTokenV1 is SimSupply {
    uint256 private rate;

    event ExchangeRateUpdated(address indexed oracle, uint256 newExchangeRate);

    /// The oracle's daily update (StakedTokenV1.updateExchangeRate; the operator plays the oracle).
    function simUpdateExchangeRate(uint256 newExchangeRate) external onlySimOperator {
        require(newExchangeRate >= 1e18, "StakedTokenV1: new exchange rate cannot be less than 1e18");
        rate = newExchangeRate;
        emit ExchangeRateUpdated(msg.sender, newExchangeRate);
    }

    function exchangeRate() external view returns (uint256 _exchangeRate) {
        return rate;
    }
}
