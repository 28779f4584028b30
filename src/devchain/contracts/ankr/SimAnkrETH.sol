// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimSupply.sol";

/// Simulated ankrETH at 0xE95A203B1a91a908F9B9CE46459d101078c2c3cb, after Ankr's AETH_R21: ratio() is
/// ankrETH PER ETH (1e18-scaled), so it falls as rewards accrue. The operator's updateRatio may only lower
/// a ratio that has been set; the owner's repairRatio may set any value, which is how a loss (a higher
/// ratio) gets on chain. Both emit RatioUpdate. Left out: the 12-hour spacing and the threshold on the step.
contract SimAnkrETH is SimSupply {
    uint256 private _ratio;

    event RatioUpdate(uint256 newRatio);

    /// AETH_R21.updateRatio: the daily update, never upwards.
    function simUpdateRatio(uint256 newRatio) external onlySimOperator {
        require(newRatio != 0, "AETH: zero ratio");
        require(_ratio == 0 || newRatio <= _ratio, "AETH: new ratio cannot be greater than old");
        _ratio = newRatio;
        emit RatioUpdate(newRatio);
    }

    /// AETH_R21.repairRatio: the owner's unchecked override.
    function simRepairRatio(uint256 newRatio) external onlySimOperator {
        _ratio = newRatio;
        emit RatioUpdate(newRatio);
    }

    function ratio() external view returns (uint256) {
        return _ratio;
    }
}
