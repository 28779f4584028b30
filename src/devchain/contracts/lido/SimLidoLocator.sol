// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimOperated.sol";

/// Simulated LidoLocator at 0xC1d0b3DE6792Bf6b4b37EccdcC24e45978Cfd2Eb (docs.lido.fi/deployed-contracts): Lido's
/// address book, read by clients written for mainnet (Lido's own SDK finds stETH through `lido()`). As on mainnet
/// (lidofinance/core contracts/0.8.9/LidoLocator.sol) the addresses are constants of the code, and the views have the
/// same names and signatures; only the contracts the devchain simulates are named, every other view is left out so a
/// client asking for one fails rather than reads a made-up address. (SimOperated only because the devchain claims every
/// contract it places; nothing here moves.)
contract SimLidoLocator is SimOperated {
    address private constant LIDO = 0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84;
    address private constant WSTETH = 0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0;
    address private constant WITHDRAWAL_QUEUE = 0x889edC2eDab5f40e902b864aD4d7AdE8E412F9B1;

    function lido() external pure returns (address) {
        return LIDO;
    }

    function wstETH() external pure returns (address) {
        return WSTETH;
    }

    function withdrawalQueue() external pure returns (address) {
        return WITHDRAWAL_QUEUE;
    }
}
