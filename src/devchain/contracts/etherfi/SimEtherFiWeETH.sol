// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimSupply.sol";
import "./SimEtherFiLiquidityPool.sol";

/// Simulated ether.fi weETH at 0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee: one weETH wraps one eETH share,
/// so its rate is the LiquidityPool's amountForShare(1 ether), as in src/core/WeETH.sol getRate().
contract SimEtherFiWeETH is SimSupply {
    address private constant LIQUIDITY_POOL = 0x308861A430be4cce5502d0A12724771Fc6DaF216;

    function getEETHByWeETH(uint256 _weETHAmount) public view returns (uint256) {
        return SimEtherFiLiquidityPool(LIQUIDITY_POOL).amountForShare(_weETHAmount);
    }

    function getRate() external view returns (uint256) {
        return getEETHByWeETH(1 ether);
    }
}
