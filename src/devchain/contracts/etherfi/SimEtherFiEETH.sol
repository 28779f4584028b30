// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimLedger.sol";

interface ISimEtherFiPool {
    function getTotalPooledEther() external view returns (uint256);
}

/// Simulated ether.fi eETH at 0x35fA164735182de50811E8e2E824cFb9B6118ac2. As on mainnet
/// (etherfi-protocol/smart-contracts src/core/EETH.sol), eETH rebases: holders own shares, only the
/// LiquidityPool mints and burns them, and totalSupply() is the pool's total pooled ether.
contract SimEtherFiEETH is SimLedger {
    address private constant LIQUIDITY_POOL = 0x308861A430be4cce5502d0A12724771Fc6DaF216;

    function requireMinter() internal view override {
        require(msg.sender == LIQUIDITY_POOL, "SimEtherFiEETH: not the liquidity pool");
    }

    function mintShares(address user, uint256 share) external onlyMinter {
        credit(user, share);
    }

    function burnShares(address user, uint256 share) external onlyMinter {
        debit(user, share);
    }

    function totalShares() external view returns (uint256) {
        return total;
    }

    function shares(address user) external view returns (uint256) {
        return balances[user];
    }

    function totalSupply() external view returns (uint256) {
        return ISimEtherFiPool(LIQUIDITY_POOL).getTotalPooledEther();
    }
}
