// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimOperated.sol";

/// Simulated swETH at 0xf951E335afb289353dc249e82926178EaC7DEd78, following swETH.sol of
/// SwellNetwork/v3-core-public: the rate is a stored figure fixed at each reprice from the reserves and the
/// supply the bot reports; the fee is taken by minting swETH to node operators and the treasury, so that
///   rewardsInSwETH = supply x (rewards x fee) / (reserves - rewards x fee)
///   rate           = reserves / (supply + rewardsInSwETH)
/// with reserves = preRewardETHReserves + newETHRewards. Fixed-point products and quotients round down, as
/// PRBMath's UD60x18 mul and div do (a x b / 1e18, a x 1e18 / b). Deposits mint at the stored rate.
/// Left out: the reprice's access roles, minimum interval and maximum-difference checks, and the split of
/// the operators' share by validator (the whole operators' share is minted as one amount).
contract SimSwellSwETH is SimOperated {
    uint256 public lastRepriceETHReserves;
    uint256 private swETHToETHRateFixed;
    uint256 public swellTreasuryRewardPercentage;
    uint256 public nodeOperatorRewardPercentage;
    uint256 public lastRepriceUNIX;
    uint256 public totalETHDeposited;
    uint256 private supply;

    event Reprice(
        uint256 newEthReserves,
        uint256 newSwETHToETHRate,
        uint256 nodeOperatorRewards,
        uint256 swellTreasuryRewards,
        uint256 totalETHDeposited
    );

    function simSetRewardPercentages(uint256 nodeOperators, uint256 treasury) external onlySimOperator {
        require(nodeOperators + treasury <= 1 ether, "reward percentages above 100%");
        nodeOperatorRewardPercentage = nodeOperators;
        swellTreasuryRewardPercentage = treasury;
    }

    /// The swETH in circulation, and the ETH deposited over the protocol's life, when the history begins.
    function simSetGenesis(uint256 swETHSupply, uint256 ethDeposited) external onlySimOperator {
        supply = swETHSupply;
        totalETHDeposited = ethDeposited;
    }

    /// A user deposit: swETH minted at the stored rate (swETH._deposit).
    function simDeposit(uint256 ethAmount) external onlySimOperator {
        supply += ethAmount * 1 ether / _rate();
        totalETHDeposited += ethAmount;
    }

    /// swETH burned for withdrawals (swETH.burn, called by the withdrawal queue).
    function simBurn(uint256 amount) external onlySimOperator {
        supply -= amount;
    }

    /// The repricer bot's daily call (swETH.reprice), with the same arithmetic.
    function simReprice(uint256 _preRewardETHReserves, uint256 _newETHRewards, uint256 _swETHTotalSupply)
        external
        onlySimOperator
    {
        require(_swETHTotalSupply != 0 && supply != 0, "cannot reprice with zero swETH supply");
        require(_preRewardETHReserves != 0, "invalid pre-reward ETH reserves");
        uint256 totalReserves = _preRewardETHReserves + _newETHRewards;
        uint256 rewardPercentageTotal = swellTreasuryRewardPercentage + nodeOperatorRewardPercentage;
        uint256 rewardsInETH = _newETHRewards * rewardPercentageTotal / 1 ether;
        uint256 rewardsInSwETH = (_swETHTotalSupply * rewardsInETH / 1 ether) * 1 ether / (totalReserves - rewardsInETH);
        uint256 updatedRate = totalReserves * 1 ether / (_swETHTotalSupply + rewardsInSwETH);

        uint256 nodeOperatorRewards;
        uint256 swellTreasuryRewards;
        if (rewardsInSwETH != 0) {
            uint256 nodeOperatorPortion = nodeOperatorRewardPercentage * 1 ether / rewardPercentageTotal;
            nodeOperatorRewards = nodeOperatorPortion * rewardsInSwETH / 1 ether;
            swellTreasuryRewards = rewardsInSwETH - nodeOperatorRewards;
            supply += rewardsInSwETH;
        }
        lastRepriceETHReserves = totalReserves;
        lastRepriceUNIX = block.timestamp;
        swETHToETHRateFixed = updatedRate;
        emit Reprice(totalReserves, updatedRate, nodeOperatorRewards, swellTreasuryRewards, totalETHDeposited);
    }

    /// Whitelist.AccessControlManager, which names the DepositManager (rule 1 of docs/ENTITIES.md); an address of
    /// the devchain's own.
    function AccessControlManager() external pure returns (address) {
        return 0x0000000000000000000000000000000000051101;
    }

    function swETHToETHRate() external view returns (uint256) {
        return _rate();
    }

    function getRate() external view returns (uint256) {
        return _rate();
    }

    function totalSupply() external view returns (uint256) {
        return supply;
    }

    /// Before the first reprice the rate is 1:1, as in swETH._swETHToETHRate.
    function _rate() private view returns (uint256) {
        return swETHToETHRateFixed == 0 ? 1 ether : swETHToETHRateFixed;
    }
}
