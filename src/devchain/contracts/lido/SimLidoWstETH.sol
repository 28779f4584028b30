// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimSupply.sol";
import "./SimLidoStETH.sol";

/// Simulated wstETH at 0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0: one wstETH is one stETH share.
contract SimLidoWstETH is SimSupply {
    address private constant STETH = 0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84;

    function stEthPerToken() external view returns (uint256) {
        return SimLidoStETH(STETH).getPooledEthByShares(1 ether);
    }
}
