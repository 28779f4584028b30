// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimLedger.sol";

/// Simulated StakeWise osToken (osETH) at 0xf1C9acDc66974dFB6dEcB12aA385b9cD01190E38. As on mainnet
/// (stakewise/v3-core contracts/tokens/OsToken.sol), supply moves only through the vault controller's
/// mint and burn, so totalSupply() follows the controller's share count, fee shares included.
contract SimStakeWiseOsToken is SimLedger {
    address private constant CONTROLLER = 0x2A261e60FB14586B474C208b1B7AC6D0f5000306;

    function requireMinter() internal view override {
        require(msg.sender == CONTROLLER, "SimStakeWiseOsToken: not the controller");
    }

    function mint(address account, uint256 value) external onlyMinter {
        credit(account, value);
    }

    function burn(address account, uint256 value) external onlyMinter {
        debit(account, value);
    }

    function totalSupply() external view returns (uint256) {
        return total;
    }

    function balanceOf(address account) external view returns (uint256) {
        return balances[account];
    }
}
