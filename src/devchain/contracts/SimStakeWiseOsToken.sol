// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./SimOperated.sol";

/// Simulated StakeWise osToken (osETH) at 0xf1C9acDc66974dFB6dEcB12aA385b9cD01190E38. As on mainnet
/// (stakewise/v3-core contracts/tokens/OsToken.sol), supply moves only through the vault controller's
/// mint and burn, so totalSupply() follows the controller's share count, fee shares included.
contract SimStakeWiseOsToken is SimOperated {
    address private constant CONTROLLER = 0x2A261e60FB14586B474C208b1B7AC6D0f5000306;
    uint256 private supply;
    mapping(address => uint256) private balances;

    modifier onlyController() {
        require(msg.sender == CONTROLLER, "SimStakeWiseOsToken: not the controller");
        _;
    }

    function mint(address account, uint256 value) external onlyController {
        balances[account] += value;
        supply += value;
    }

    function burn(address account, uint256 value) external onlyController {
        balances[account] -= value;
        supply -= value;
    }

    function totalSupply() external view returns (uint256) {
        return supply;
    }

    function balanceOf(address account) external view returns (uint256) {
        return balances[account];
    }
}
