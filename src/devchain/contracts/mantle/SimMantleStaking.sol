// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimOperated.sol";
import "./SimMantleMETH.sol";

/// Simulated Mantle Staking at 0xe3cBd06D7dadB3F4e6557bAb7EdD924CD1489E8f. As in mantle-lsp/contracts
/// src/Staking.sol, mETHToETH is mulDiv(amount, totalControlled(), mETH.totalSupply()), rounded down, and
/// 1:1 while no mETH exists. totalControlled() keeps two of the mainnet terms: the unallocated ETH (stakes
/// in, claims out) and the validator balance of the oracle's latest record; the others (ETH allocated or
/// deposited but not yet seen by the oracle, the unstake requests manager's balance, the liquidity buffer)
/// are folded into those two.
contract SimMantleStaking is SimOperated {
    address private constant METH = 0xd5F7838F5C461fefF7FE49ea5ebaF7728bB0ADfa;

    uint256 public unallocatedETH;
    uint256 private currentTotalValidatorBalance;

    function simSetBalances(uint256 unallocated, uint256 validatorBalance) external onlySimOperator {
        unallocatedETH = unallocated;
        currentTotalValidatorBalance = validatorBalance;
    }

    /// Staking.withdrawalWallet: the only address its validators' credentials may name (rule 1 of
    /// docs/ENTITIES.md); an address of the devchain's own.
    function withdrawalWallet() external pure returns (address) {
        return 0x0000000000000000000000000000000000057100;
    }

    function totalControlled() public view returns (uint256) {
        return unallocatedETH + currentTotalValidatorBalance;
    }

    function mETHToETH(uint256 mETHAmount) external view returns (uint256) {
        uint256 supply = SimMantleMETH(METH).totalSupply();
        if (supply == 0) {
            return mETHAmount;
        }
        return mETHAmount * totalControlled() / supply;
    }
}
