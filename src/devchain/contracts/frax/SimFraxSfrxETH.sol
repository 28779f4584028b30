// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimOperated.sol";

/// Simulated sfrxETH at 0xac3E018457B222d93114458476f3E3416Abbe38F, an xERC4626 vault of frxETH (corddry/ERC4626
/// as used by FraxFinance/frxETH-public). As there, totalAssets() is the stored assets plus the current cycle's
/// rewards unlocked pro rata by block.timestamp until the cycle's end, and pricePerShare() is
/// convertToAssets(1e18), rounded down. frxETH itself is not simulated: `frxEthBalance` stands for
/// frxETH.balanceOf(this), which grows when Frax sends the vault its validators' rewards.
contract SimFraxSfrxETH is SimOperated {
    /// 604,800 s as in frxETH-public script/deployMainnet.s.sol; cycle ends fall on multiples of it.
    uint32 public constant rewardsCycleLength = 604800;

    uint256 private storedTotalAssets;
    uint256 private frxEthBalance;
    uint192 public lastRewardAmount;
    uint32 public lastSync;
    uint32 public rewardsCycleEnd;
    uint256 public totalSupply;

    event NewRewardsCycle(uint32 indexed cycleEnd, uint256 rewardAmount);

    /// The state at the start of the devchain's history, mid-cycle.
    function simSetState(
        uint256 stored,
        uint256 balance,
        uint256 rewardAmount,
        uint256 syncedAt,
        uint256 cycleEnd,
        uint256 supply
    ) external onlySimOperator {
        storedTotalAssets = stored;
        frxEthBalance = balance;
        lastRewardAmount = uint192(rewardAmount);
        lastSync = uint32(syncedAt);
        rewardsCycleEnd = uint32(cycleEnd);
        totalSupply = supply;
    }

    /// Rewards sent to the vault: they wait for the next cycle.
    function simAddRewards(uint256 amount) external onlySimOperator {
        frxEthBalance += amount;
    }

    /// xERC4626.syncRewards at `timestamp`: the last cycle's rewards join the stored assets and what arrived
    /// since is released over the new cycle. The devchain passes the time it scheduled the sync for, so the
    /// state does not hang on which block the transaction lands in.
    function simSyncRewards(uint256 timestamp) external onlySimOperator {
        require(timestamp >= rewardsCycleEnd, "SimFraxSfrxETH: cycle not over");
        uint256 nextRewards = frxEthBalance - storedTotalAssets - lastRewardAmount;
        storedTotalAssets += lastRewardAmount;
        lastRewardAmount = uint192(nextRewards);
        lastSync = uint32(timestamp);
        uint32 end = uint32((timestamp + rewardsCycleLength) / rewardsCycleLength * rewardsCycleLength);
        rewardsCycleEnd = end;
        emit NewRewardsCycle(end, nextRewards);
    }

    /// A deposit: `assets` frxETH in, `shares` sfrxETH minted (previewDeposit, computed by the devchain).
    function simDeposit(uint256 assets, uint256 shares) external onlySimOperator {
        storedTotalAssets += assets;
        frxEthBalance += assets;
        totalSupply += shares;
    }

    /// A redemption: `shares` sfrxETH burned, `assets` frxETH out (previewRedeem, computed by the devchain).
    function simRedeem(uint256 shares, uint256 assets) external onlySimOperator {
        storedTotalAssets -= assets;
        frxEthBalance -= assets;
        totalSupply -= shares;
    }

    function totalAssets() public view returns (uint256) {
        if (block.timestamp >= rewardsCycleEnd) {
            return storedTotalAssets + lastRewardAmount;
        }
        uint256 unlocked = uint256(lastRewardAmount) * (block.timestamp - lastSync) / (rewardsCycleEnd - lastSync);
        return storedTotalAssets + unlocked;
    }

    function convertToAssets(uint256 shares) public view returns (uint256) {
        uint256 supply = totalSupply;
        return supply == 0 ? shares : shares * totalAssets() / supply;
    }

    function pricePerShare() external view returns (uint256) {
        return convertToAssets(1e18);
    }
}
