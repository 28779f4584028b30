// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./SimOperated.sol";

interface ISimEtherFiPool {
    function getTotalPooledEther() external view returns (uint256);
}

/// Simulated ether.fi eETH at 0x35fA164735182de50811E8e2E824cFb9B6118ac2. As on mainnet
/// (etherfi-protocol/smart-contracts src/core/EETH.sol), eETH rebases: holders own shares, only the
/// LiquidityPool mints and burns them, and totalSupply() is the pool's total pooled ether.
contract SimEtherFiEETH is SimOperated {
    address private constant LIQUIDITY_POOL = 0x308861A430be4cce5502d0A12724771Fc6DaF216;

    uint256 public totalShares;
    mapping(address => uint256) public shares;

    modifier onlyPool() {
        require(msg.sender == LIQUIDITY_POOL, "SimEtherFiEETH: not the liquidity pool");
        _;
    }

    function mintShares(address user, uint256 share) external onlyPool {
        shares[user] += share;
        totalShares += share;
    }

    function burnShares(address user, uint256 share) external onlyPool {
        shares[user] -= share;
        totalShares -= share;
    }

    function totalSupply() external view returns (uint256) {
        return ISimEtherFiPool(LIQUIDITY_POOL).getTotalPooledEther();
    }
}
