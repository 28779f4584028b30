// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimOperated.sol";
import "./SimEtherFiEETH.sol";

/// Simulated ether.fi LiquidityPool at 0x308861A430be4cce5502d0A12724771Fc6DaF216.
///
/// The accounting follows etherfi-protocol/smart-contracts src/core/LiquidityPool.sol (abi/SOURCES.md): the
/// pooled ether is the ETH held by the pool (totalValueInLp) plus the ETH out of it, mostly in validators
/// (totalValueOutOfLp); one eETH share is worth getTotalPooledEther() / eETH.totalShares(), rounded down,
/// and 0 while there are no shares. The oracle's daily rebase (EtherFiAdmin -> rebase) adds the holders'
/// rewards (or a loss) to totalValueOutOfLp and emits Rebase; the protocol's fees are then paid as eETH
/// minted to the fee recipient at the new rate, which leaves the rate where the rebase put it.
///
/// The sim* functions stand for those callers: deposits and withdrawals of stakers, and the oracle's rebase.
/// A loss comes through its own function because the devchain's encoder writes unsigned words only.
contract SimEtherFiLiquidityPool is SimOperated {
    address private constant EETH = 0x35fA164735182de50811E8e2E824cFb9B6118ac2;

    uint128 public totalValueOutOfLp;
    uint128 public totalValueInLp;
    address private holder;
    address private feeRecipient;

    event Rebase(uint256 totalEthLocked, uint256 totalEEthShares);
    event ProtocolFeePaid(uint128 protocolFees);

    /// The state at the start of the simulated history: the pooled ether in and out of the pool, and the
    /// eETH shares it backs, all held by `_holder`.
    function simInitialize(uint256 outOfLp, uint256 inLp, uint256 shares, address _holder, address _feeRecipient)
        external
        onlySimOperator
    {
        require(SimEtherFiEETH(EETH).totalShares() == 0, "SimEtherFiLiquidityPool: already initialized");
        holder = _holder;
        feeRecipient = _feeRecipient;
        totalValueOutOfLp = uint128(outOfLp);
        totalValueInLp = uint128(inLp);
        SimEtherFiEETH(EETH).mintShares(_holder, shares);
    }

    /// Stakers deposit ETH into the pool and receive eETH at the current rate.
    function simDeposit(uint256 amount) external onlySimOperator {
        deposit(holder, amount, 0);
    }

    /// Stakers withdraw ETH from the pool; the shares burned are rounded up, in the protocol's favour.
    function simWithdraw(uint256 amount) external onlySimOperator {
        uint256 share = sharesForWithdrawalAmount(amount);
        totalValueInLp -= uint128(amount);
        SimEtherFiEETH(EETH).burnShares(holder, share);
    }

    /// The oracle's rebase: the holders' rewards, then the protocol fees minted as eETH.
    function simRebase(uint256 accruedRewards, uint256 protocolFees) external onlySimOperator {
        totalValueOutOfLp += uint128(accruedRewards);
        emit Rebase(getTotalPooledEther(), SimEtherFiEETH(EETH).totalShares());
        if (protocolFees > 0) {
            emit ProtocolFeePaid(uint128(protocolFees));
            deposit(feeRecipient, 0, protocolFees);
        }
    }

    /// A rebase that loses `loss` wei (a negative accruedRewards on mainnet).
    function simNegativeRebase(uint256 loss) external onlySimOperator {
        totalValueOutOfLp -= uint128(loss);
        emit Rebase(getTotalPooledEther(), SimEtherFiEETH(EETH).totalShares());
    }

    function getTotalPooledEther() public view returns (uint256) {
        return uint256(totalValueOutOfLp) + totalValueInLp;
    }

    function amountForShare(uint256 _share) public view returns (uint256) {
        uint256 totalShares = SimEtherFiEETH(EETH).totalShares();
        if (totalShares == 0) {
            return 0;
        }
        return _share * getTotalPooledEther() / totalShares;
    }

    function sharesForAmount(uint256 _amount) public view returns (uint256) {
        uint256 totalPooledEther = getTotalPooledEther();
        if (totalPooledEther == 0) {
            return 0;
        }
        return _amount * SimEtherFiEETH(EETH).totalShares() / totalPooledEther;
    }

    function sharesForWithdrawalAmount(uint256 _amount) public view returns (uint256) {
        uint256 totalPooledEther = getTotalPooledEther();
        if (totalPooledEther == 0) {
            return 0;
        }
        uint256 numerator = _amount * SimEtherFiEETH(EETH).totalShares();
        return (numerator + totalPooledEther - 1) / totalPooledEther;
    }

    /// Shares for a deposit are priced on the pooled ether before it: amount x totalShares / that, rounded down.
    function deposit(address recipient, uint256 amountInLp, uint256 amountOutOfLp) private {
        uint256 amount = amountInLp + amountOutOfLp;
        uint256 pooledBefore = getTotalPooledEther();
        totalValueInLp += uint128(amountInLp);
        totalValueOutOfLp += uint128(amountOutOfLp);
        uint256 share = pooledBefore == 0 ? amount : amount * SimEtherFiEETH(EETH).totalShares() / pooledBefore;
        require(amount > 0 && share > 0, "SimEtherFiLiquidityPool: invalid amount");
        SimEtherFiEETH(EETH).mintShares(recipient, share);
    }
}
