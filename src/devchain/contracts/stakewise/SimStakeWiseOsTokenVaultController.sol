// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimOperated.sol";
import "./SimStakeWiseOsToken.sol";

/// Simulated StakeWise OsTokenVaultController at 0x2A261e60FB14586B474C208b1B7AC6D0f5000306.
///
/// The accounting follows the documented behaviour of stakewise/v3-core contracts/tokens/OsTokenVaultController.sol
/// (abi/SOURCES.md): the profit accrued since the last checkpoint is avgRewardPerSecond x totalAssets x
/// elapsed seconds / 1e18, computed in the view functions from block.timestamp, so osETH's rate rises every
/// second. The treasury's fee (feePercent of the profit, in basis points) is left out of totalAssets() until
/// a checkpoint (updateState) mints it as osToken shares. Every conversion rounds down. The products stay far
/// below 2^256 here, so plain checked arithmetic gives the same numbers as the source's mulDiv.
///
/// The sim* functions stand for the callers mainnet has: the Keeper's rewards update
/// (setAvgRewardPerSecond), and vaults minting and burning osToken for their stakers.
contract SimStakeWiseOsTokenVaultController is SimOperated {
    uint256 private constant WAD = 1e18;
    uint256 private constant MAX_FEE_PERCENT = 10_000;
    address private constant OS_TOKEN = 0xf1C9acDc66974dFB6dEcB12aA385b9cD01190E38;

    uint256 public avgRewardPerSecond;
    address public treasury;
    uint64 public feePercent;
    uint256 private lastUpdateTimestamp;
    uint256 private totalShares_;
    uint256 private totalAssets_;
    address private holder;

    event StateUpdated(uint256 profitAccrued, uint256 treasuryShares, uint256 treasuryAssets);
    event AvgRewardPerSecondUpdated(uint256 avgRewardPerSecond);
    event Mint(address indexed vault, address indexed receiver, uint256 assets, uint256 shares);
    event Burn(address indexed vault, address indexed owner, uint256 assets, uint256 shares);

    /// The state at the start of the simulated history: `shares` osETH backed by `assets`, all held by
    /// `_holder`, checkpointed at this block.
    function simInitialize(
        uint256 shares,
        uint256 assets,
        uint256 _feePercent,
        address _treasury,
        address _holder
    ) external onlySimOperator {
        require(totalShares_ == 0, "SimStakeWise: already initialized");
        require(_feePercent <= MAX_FEE_PERCENT, "SimStakeWise: fee above 100%");
        totalShares_ = shares;
        totalAssets_ = assets;
        feePercent = uint64(_feePercent);
        treasury = _treasury;
        holder = _holder;
        lastUpdateTimestamp = block.timestamp;
        SimStakeWiseOsToken(OS_TOKEN).mint(_holder, shares);
    }

    /// The Keeper's rewards update: checkpoint what accrued at the old rate, then accrue at the new one.
    function simSetAvgRewardPerSecond(uint256 _avgRewardPerSecond) external onlySimOperator {
        updateState();
        avgRewardPerSecond = _avgRewardPerSecond;
        emit AvgRewardPerSecondUpdated(_avgRewardPerSecond);
    }

    /// A vault mints `shares` osETH for its stakers, at the current rate (rounded down).
    function simMintShares(uint256 shares) external onlySimOperator returns (uint256 assets) {
        updateState();
        assets = convertToAssets(shares);
        totalShares_ += shares;
        totalAssets_ += assets;
        SimStakeWiseOsToken(OS_TOKEN).mint(holder, shares);
        emit Mint(msg.sender, holder, assets, shares);
    }

    /// A vault burns `shares` osETH returned by its stakers, at the current rate (rounded down).
    function simBurnShares(uint256 shares) external onlySimOperator returns (uint256 assets) {
        updateState();
        assets = convertToAssets(shares);
        SimStakeWiseOsToken(OS_TOKEN).burn(holder, shares);
        totalShares_ -= shares;
        totalAssets_ -= assets;
        emit Burn(msg.sender, holder, assets, shares);
    }

    function totalShares() external view returns (uint256) {
        return totalShares_;
    }

    function totalAssets() public view returns (uint256) {
        uint256 profitAccrued = unclaimedAssets();
        if (profitAccrued == 0) return totalAssets_;
        return totalAssets_ + profitAccrued - profitAccrued * feePercent / MAX_FEE_PERCENT;
    }

    function convertToShares(uint256 assets) public view returns (uint256) {
        return (assets == 0 || totalShares_ == 0) ? assets : assets * totalShares_ / totalAssets();
    }

    function convertToAssets(uint256 shares) public view returns (uint256) {
        return totalShares_ == 0 ? shares : shares * totalAssets() / totalShares_;
    }

    /// Checkpoint: the accrued profit joins totalAssets and the treasury's part is minted as shares at the
    /// rate net of that fee, so the rate is the same just before and just after (up to rounding).
    function updateState() public {
        uint256 profitAccrued = unclaimedAssets();
        if (profitAccrued == 0) {
            lastUpdateTimestamp = block.timestamp;
            return;
        }
        uint256 newTotalAssets = totalAssets_ + profitAccrued;
        uint256 treasuryAssets = profitAccrued * feePercent / MAX_FEE_PERCENT;
        lastUpdateTimestamp = block.timestamp;
        totalAssets_ = newTotalAssets;
        if (treasuryAssets == 0) {
            return;
        }
        uint256 treasuryShares =
            totalShares_ == 0 ? treasuryAssets : treasuryAssets * totalShares_ / (newTotalAssets - treasuryAssets);
        totalShares_ += treasuryShares;
        SimStakeWiseOsToken(OS_TOKEN).mint(treasury, treasuryShares);
        emit StateUpdated(profitAccrued, treasuryShares, treasuryAssets);
    }

    function unclaimedAssets() private view returns (uint256) {
        uint256 timeElapsed = block.timestamp - lastUpdateTimestamp;
        if (timeElapsed == 0) return 0;
        return avgRewardPerSecond * totalAssets_ * timeElapsed / WAD;
    }
}
